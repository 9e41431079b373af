package dev.ometriasync.runtime.internal.record;

import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.RecordKey;

/**
 * How the runtime's internals reach the encoding inside an {@link OmetriaRecord} without the public class
 * showing it: {@code OmetriaRecord} installs the one {@link Bridge} when it is loaded.
 */
public final class RecordAccess {

    /** Implemented once, by {@link OmetriaRecord}. */
    public interface Bridge {
        /**
         * @param record a record
         * @return its encoding
         */
        EncodedRecord encoded(OmetriaRecord record);

        /**
         * @param key the key, as written in the encoding's header
         * @param full whether it is a full record
         * @param encoded the encoding
         * @return the record
         */
        OmetriaRecord record(RecordKey key, boolean full, EncodedRecord encoded);
    }

    private static volatile Bridge bridge;

    private RecordAccess() {
    }

    /**
     * Installs the bridge; called by {@link OmetriaRecord} only.
     *
     * @param installed the bridge
     * @throws IllegalStateException when a bridge is installed already
     */
    public static void install(Bridge installed) {
        if (bridge != null) {
            throw new IllegalStateException("the record bridge is installed already");
        }
        bridge = installed;
    }

    /**
     * A record's encoding.
     *
     * @param record the record
     * @return its bytes and field offsets
     */
    public static EncodedRecord encoded(OmetriaRecord record) {
        return record == null ? null : bridge().encoded(record);
    }

    /**
     * Wraps an encoding as a record.
     *
     * @param key the key written in its header
     * @param full whether it is a full record
     * @param encoded the encoding
     * @return the record
     */
    public static OmetriaRecord record(RecordKey key, boolean full, EncodedRecord encoded) {
        return bridge().record(key, full, encoded);
    }

    private static Bridge bridge() {
        Bridge installed = bridge;
        if (installed == null) {
            try {
                // Loading the class runs its static initializer, which installs the bridge.
                Class.forName(OmetriaRecord.class.getName(), true, OmetriaRecord.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            installed = bridge;
        }
        return installed;
    }
}
