package dev.ometriasync.hibernate;

import java.util.Locale;

/**
 * What an unexpected error of ometria-sync while recording a change does to the user's transaction
 * (setting {@link OmetriaSettings#CAPTURE_FAILURE}). Such errors are bugs or environment problems (a
 * Hibernate version whose API changed, a getter of the Ometria id that throws, the outbox table gone);
 * they are always logged and counted ({@link OmetriaSync#captureFailures()}), and never reach the
 * transaction as a {@link LinkageError}.
 */
public enum CaptureFailurePolicy {

    /**
     * The transaction fails with an {@link OmetriaCaptureException} (and is rolled back), so that nothing
     * is committed without its outbox row. The default in outbox mode.
     */
    FAIL,

    /**
     * The error is logged and counted and the transaction goes on; the change is not sent to Ometria (call
     * {@link OmetriaSync#touch(Class, Object...)} once the cause is fixed). The default in direct mode,
     * which promises no durability anyway.
     */
    LOG;

    /**
     * The value as written in the {@code ometria.capture-failure} property.
     *
     * @return {@code fail} or {@code log}
     */
    public String externalName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the value of {@code ometria.capture-failure}.
     *
     * @param value {@code fail} or {@code log}, in any case
     * @return the policy
     * @throws IllegalArgumentException for any other value
     */
    public static CaptureFailurePolicy fromExternalName(String value) {
        for (CaptureFailurePolicy policy : values()) {
            if (policy.externalName().equalsIgnoreCase(value.trim())) {
                return policy;
            }
        }
        throw new IllegalArgumentException("expected 'fail' or 'log' but was '" + value + "'");
    }
}
