package dev.ometriasync.runtime;

import dev.ometriasync.schema.RecordType;
import java.time.Duration;
import java.util.List;

/**
 * Callbacks for what an {@link OmetriaPipeline} does with the records it was given. Every method has a
 * no-op default; implement the ones you need.
 *
 * <p>Threading: callbacks run on the pipeline's own thread ({@code ometria-pipeline-N}), except
 * {@link #rejected}, {@link #invalidFieldDropped} and {@link #fieldTruncated} for records checked by local validation and
 * {@link #abandoned} for records refused at submission, which run on the thread that called
 * {@link OmetriaPipeline#submit}. Callbacks must be quick and must not block: a slow callback delays every
 * request of the pipeline. Hand slow work (writing to a database, say) to your own executor. Calling
 * {@link OmetriaPipeline#submit} from a callback is allowed, but it never waits for room in a full queue
 * (the record is reported {@linkplain #abandoned abandoned} instead, since waiting would deadlock).
 * An exception thrown by a callback is logged and otherwise ignored.
 *
 * <p>Records passed to callbacks may hold personal data; the reasons passed never hold the API key and
 * mask e-mail addresses.
 */
public interface OmetriaListener {

    /**
     * Ometria acknowledged a request (HTTP 200). It validates the records later: failures then show up only
     * at {@code GET /v2/push/_errors}.
     *
     * @param records the records the request carried
     * @param requestId Ometria's {@code request_id}, may be null
     */
    default void sent(List<OmetriaRecord> records, String requestId) {
    }

    /**
     * Ometria acknowledged a request but counted some of its records as rejected at intake, without saying
     * which. The records still complete {@link Outcome.Status#ACCEPTED}.
     *
     * @param type the record type of the request
     * @param rejected how many records Ometria counted as rejected
     * @param sent how many records the request carried
     * @param requestId Ometria's {@code request_id}, may be null
     */
    default void rejectedAtIntake(RecordType type, int rejected, int sent, String requestId) {
    }

    /**
     * A record was refused, locally by validation or by Ometria (an HTTP 400/413 isolated to this record
     * by splitting its batch). Sending it again unchanged cannot succeed. Its futures complete
     * {@link Outcome.Status#REJECTED} with the same reason.
     *
     * @param record the record
     * @param reason names the record ({@code @type} and id) and, for local validation, the field
     */
    default void rejected(OmetriaRecord record, String reason) {
    }

    /**
     * Local validation found an invalid optional field and, as {@link InvalidFieldPolicy} asks by default,
     * dropped that field and sent the rest of the record.
     *
     * @param record the record as submitted
     * @param reason names the record and the field
     */
    default void invalidFieldDropped(OmetriaRecord record, String reason) {
    }

    /**
     * Local validation cut a value the way Ometria documents it cuts it — a custom event type longer than 32
     * characters keeps its first 32 — and sent the record with the cut value, so that what the application hears
     * about is what Ometria stores. Runs on the thread that called {@link OmetriaPipeline#submit}.
     *
     * @param record the record as submitted
     * @param reason names the record, the field, the original length and the value kept
     */
    default void fieldTruncated(OmetriaRecord record, String reason) {
    }

    /**
     * Sending a record kept failing (HTTP 5xx, I/O errors, timeouts) for longer than the retry budget.
     * Its futures complete {@link Outcome.Status#DEAD_LETTERED}. Store it if you want to replay it.
     *
     * @param record the record
     * @param reason the last failure and how long sending was tried
     */
    default void deadLettered(OmetriaRecord record, String reason) {
    }

    /**
     * Ometria answered 429: every pipeline on this account pauses.
     *
     * @param pause how long sending is paused from now
     * @param retryAfterHint whether Ometria sent a {@code Retry-After} header (the pause honours it)
     */
    default void rateLimited(Duration pause, boolean retryAfterHint) {
    }

    /**
     * An answer reported Ometria's backlog of records waiting to be processed ({@code X-QueueSize-Remaining},
     * {@code X-QueueSize-Limit}). Every pipeline on the account slows its sending while less than half the backlog
     * remains, so that it does not fill (a full backlog answers 429). Called for every answer that carries the
     * headers.
     *
     * @param state the backlog as reported
     */
    default void queueState(QueueState state) {
    }

    /**
     * Ometria listed a new validation error at {@code GET /v2/push/_errors}: a record it had acknowledged was found
     * invalid later (it is not stored). Only called while the pipeline reads that list
     * ({@link OmetriaPipeline.Builder#pushErrorsPollInterval}, off by default). Ometria's entry names only a path and
     * a message; the report names the record where it can be tied to one of the records this pipeline sent lately, and
     * the candidates where several could be the one (see {@link PushErrorReport}). Runs on the pipeline's thread.
     *
     * @param report the entry and the record it belongs to, if that can be told
     */
    default void pushErrorListed(PushErrorReport report) {
    }

    /**
     * Ometria refused the API key (HTTP 401 or 403) on a push, or refused it with 401 on a read of
     * {@code GET /v2/push/_errors} when the pipeline polls it (a 403 on a read only switches the poller off), or the server could not be authenticated (the TLS handshake
     * failed on its certificate: status -1). The pipeline stops sending: every record it holds and
     * every later submission completes {@link Outcome.Status#ABANDONED}. Fix the key (or the endpoint or trust
     * store) and build a new pipeline.
     *
     * @param statusCode 401 or 403, or -1 for a TLS certificate failure
     * @param message what happened and what to check
     */
    default void authenticationFailed(int statusCode, String message) {
    }

    /**
     * The pipeline gave up on a record without a verdict from Ometria: it was closed before the record
     * could be sent, its API key was refused, or its queue stayed full past the enqueue timeout. Sending
     * the record later can succeed.
     *
     * @param record the record
     * @param reason why
     */
    default void abandoned(OmetriaRecord record, String reason) {
    }
}
