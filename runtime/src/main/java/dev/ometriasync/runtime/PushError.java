package dev.ometriasync.runtime;

import dev.ometriasync.runtime.logging.EmailMasker;

/**
 * One entry of Ometria's {@code GET /v2/push/_errors}: a record that Ometria acknowledged and later found
 * invalid. Ometria keeps the 100 most recent per account and does not say which request, record id or
 * {@code @type} an entry belongs to, so entries are diagnostics, not per-record outcomes.
 *
 * @param errorMessage Ometria's {@code error_message}, usually {@code not a valid value}; null when absent
 * @param errorPath Ometria's {@code error_path}, such as {@code root > lastname}; null when absent
 */
public record PushError(String errorMessage, String errorPath) {

    /** Shown with e-mail addresses masked, since Ometria may quote the offending value. */
    @Override
    public String toString() {
        return "PushError[" + EmailMasker.mask(errorPath) + ": " + EmailMasker.mask(errorMessage) + "]";
    }
}
