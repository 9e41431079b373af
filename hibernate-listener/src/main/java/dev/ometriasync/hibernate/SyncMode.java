package dev.ometriasync.hibernate;

import java.util.Locale;

/** How captured changes travel from the committed transaction to Ometria. */
public enum SyncMode {

    /**
     * Each change is written to the {@code ometria_outbox} table inside the business transaction; after
     * commit a relay reads the rows, sends current entity state and deletes the rows Ometria accepted.
     * Nothing committed is lost, even when the process dies right after commit.
     */
    OUTBOX,

    /**
     * Changes are serialized before commit and handed to the in-memory pipeline after commit. Needs no
     * table, but changes not yet sent are lost when the process dies.
     */
    DIRECT;

    /**
     * The value as written in the {@code ometria.mode} property.
     *
     * @return {@code outbox} or {@code direct}
     */
    public String externalName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the value of {@code ometria.mode}.
     *
     * @param value {@code outbox} or {@code direct}, in any case
     * @return the mode
     * @throws IllegalArgumentException for any other value
     */
    public static SyncMode fromExternalName(String value) {
        for (SyncMode mode : values()) {
            if (mode.externalName().equalsIgnoreCase(value.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("expected 'outbox' or 'direct' but was '" + value + "'");
    }
}
