package dev.ometriasync.runtime.internal.validation;

import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.internal.pipeline.PreSendCheck;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugs {@link RecordValidator} into the pipeline's {@link PreSendCheck} seam. Warnings about fields outside
 * the catalogue change nothing and would repeat for every record of a mapping, so each distinct one is
 * logged once, at INFO.
 */
public final class ValidatingPreSendCheck implements PreSendCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ValidatingPreSendCheck.class);

    /** Bounded, so that ids appearing in warnings cannot grow it without end. */
    private static final int MAX_REMEMBERED_WARNINGS = 1_000;

    private final RecordValidator validator;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /**
     * Creates the check.
     *
     * @param validator the validator, with its policy
     */
    public ValidatingPreSendCheck(RecordValidator validator) {
        this.validator = validator;
    }

    @Override
    public Verdict check(OmetriaRecord record) {
        ValidationResult result = validator.validate(record);
        if (result instanceof ValidationResult.Rejected rejected) {
            return new Verdict.Reject(rejected.reason());
        }
        ValidationResult.Valid valid = (ValidationResult.Valid) result;
        for (String warning : valid.warnings()) {
            // The same field of the same type warns once, whatever the record id.
            String field = warning.substring(warning.indexOf(": ") + 2);
            String once = record.type().jsonName() + " " + field;
            if (warned.size() < MAX_REMEMBERED_WARNINGS && warned.add(once)) {
                LOG.info("{} (reported once per record type and field)", warning);
            }
        }
        return new Verdict.Pass(valid.record(), valid.droppedFields(), valid.truncatedFields());
    }

    @Override
    public String toString() {
        return "ValidatingPreSendCheck[" + validator.policy() + "]";
    }
}
