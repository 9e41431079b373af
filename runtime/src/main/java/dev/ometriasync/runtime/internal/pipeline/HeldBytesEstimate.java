package dev.ometriasync.runtime.internal.pipeline;

import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.internal.record.EncodedRecord;
import dev.ometriasync.runtime.internal.record.RecordAccess;

/** Cheap size estimates for the pipeline's memory bound. */
final class HeldBytesEstimate {

    /** Braces, quotes, colons and commas of a field, rounded up. */
    private static final int FIELD_OVERHEAD = 6;

    private HeldBytesEstimate() {
    }

    /**
     * Estimates the size of a record's JSON from its key, field names and the byte lengths of its values,
     * rounded up; the memory bound only needs the order of magnitude.
     */
    static long estimate(OmetriaRecord record) {
        long size = 40 + record.type().jsonName().length() + record.id().length();
        if (record.collection() != null) {
            size += record.collection().length() + 20;
        }
        EncodedRecord encoded = RecordAccess.encoded(record);
        for (int i = 0; i < encoded.fieldCount(); i++) {
            size += encoded.name(i).length() + encoded.valueLength(i) + FIELD_OVERHEAD;
        }
        return size;
    }
}
