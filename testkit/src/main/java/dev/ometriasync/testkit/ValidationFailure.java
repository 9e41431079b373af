package dev.ometriasync.testkit;

import java.time.Instant;

/**
 * One validation failure, as listed by {@code GET /v2/push/_errors}. Only {@code error_message} and
 * {@code error_path} go over HTTP (that is Ometria's documented shape, which cannot be tied to a request or
 * record); the other components are there for assertions in tests.
 *
 * @param errorMessage Ometria-style message, usually {@code not a valid value}
 * @param errorPath path of the offending value, written like {@code root > lineitems > 0 > quantity}
 * @param recordType the record's {@code @type}, or null when the element had none
 * @param recordId the record's {@code id}, or null when the element had none
 * @param requestId the {@code request_id} of the push that carried the record
 * @param at when the simulator's clock said the failure was found
 */
public record ValidationFailure(String errorMessage, String errorPath, String recordType, String recordId,
                        String requestId, Instant at) {
}
