package dev.ometriasync.runtime.internal.pipeline;

import dev.ometriasync.runtime.OmetriaRecord;
import java.util.List;

/** Local validation of one record before it is queued. */
@FunctionalInterface
public interface PreSendCheck {

    /**
     * Checks a record.
     *
     * @param record the record
     * @return pass (possibly with invalid optional fields dropped) or reject
     */
    Verdict check(OmetriaRecord record);

    /** The result of a check. */
    sealed interface Verdict {
        /**
         * The record may be sent.
         *
         * @param record the record to send (fields may have been dropped or truncated)
         * @param droppedFields one reason per dropped field, naming the record and the field
         * @param truncatedFields one reason per value truncated as Ometria would truncate it
         */
        record Pass(OmetriaRecord record, List<String> droppedFields, List<String> truncatedFields) implements Verdict {
        }

        /**
         * The record must not be sent.
         *
         * @param reason names the record and the field
         */
        record Reject(String reason) implements Verdict {
        }
    }
}
