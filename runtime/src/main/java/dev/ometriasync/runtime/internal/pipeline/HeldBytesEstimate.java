package dev.ometriasync.runtime.internal.pipeline;

import dev.ometriasync.runtime.OmetriaRecord;
import java.util.Map;

/** Cheap size estimates for the pipeline's memory bound. */
final class HeldBytesEstimate {

    /** Braces, quotes, colons and commas of a field, rounded up. */
    private static final int FIELD_OVERHEAD = 6;

    private HeldBytesEstimate() {
    }

    /**
     * Estimates the size of a record's JSON without serializing it: the characters of its key, field names
     * and raw values. Exact for ASCII content, an underestimate of UTF-8 bytes for the rest; the memory
     * bound only needs the order of magnitude.
     */
    static long estimate(OmetriaRecord record) {
        long size = 40 + record.type().jsonName().length() + record.id().length();
        if (record.collection() != null) {
            size += record.collection().length() + 20;
        }
        for (Map.Entry<String, String> field : record.fields().entrySet()) {
            size += field.getKey().length() + field.getValue().length() + FIELD_OVERHEAD;
        }
        return size;
    }
}
