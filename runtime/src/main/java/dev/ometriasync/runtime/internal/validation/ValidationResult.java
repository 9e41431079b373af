package dev.ometriasync.runtime.internal.validation;

import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.RecordKey;
import java.util.List;
import java.util.Objects;

/**
 * The verdict of {@link RecordValidator} on one record. Every message names the record ({@code @type} and
 * id) and the field, and never contains an unmasked e-mail address.
 */
public sealed interface ValidationResult {

    /**
     * Whether the record may be sent.
     *
     * @return true for {@link Valid}
     */
    default boolean isValid() {
        return this instanceof Valid;
    }

    /**
     * The record may be sent.
     *
     * @param record the record to send: the input, or a copy without the fields that were dropped
     * @param droppedFields one message per invalid optional field left out under
     *        {@link dev.ometriasync.runtime.InvalidFieldPolicy#DROP_FIELD}; report these
     * @param warnings notes that did not change the record, such as a field outside Ometria's documented
     *        fields (sent as is)
     * @param truncatedFields one message per value cut as Ometria would cut it (a custom event type over 32
     *        characters); report these
     */
    record Valid(OmetriaRecord record, List<String> droppedFields, List<String> warnings, List<String> truncatedFields)
            implements ValidationResult {
        /**
         * Copies the lists.
         *
         * @param record the record
         * @param droppedFields dropped-field messages
         * @param warnings warnings
         * @param truncatedFields truncated-field messages
         */
        public Valid {
            Objects.requireNonNull(record, "record");
            droppedFields = List.copyOf(droppedFields);
            warnings = List.copyOf(warnings);
            truncatedFields = List.copyOf(truncatedFields);
        }
    }

    /**
     * The record must not be sent.
     *
     * @param key the record's key
     * @param reason why, naming the record and the field, such as
     *        {@code order ORD-1: field 'currency' value "EURO" is not an ISO 4217 currency code}
     */
    record Rejected(RecordKey key, String reason) implements ValidationResult {
        /**
         * Checks the parts.
         *
         * @param key the key
         * @param reason the reason
         */
        public Rejected {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
