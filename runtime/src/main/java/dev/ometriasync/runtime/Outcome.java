package dev.ometriasync.runtime;

import java.util.Objects;

/**
 * What finally happened to a submitted record. When records coalesce, every one of their futures
 * completes with the outcome of the request that carried the merged record.
 *
 * @param status what happened
 * @param requestId Ometria's {@code request_id} for an accepted record, else {@code null}
 * @param reason why the record was not accepted, else {@code null}; never contains the API key or an unmasked e-mail address
 * @param inDoubt for an accepted record: an earlier attempt of the request that carried it got no answer (a timeout,
 *     a lost connection), so Ometria may still process that earlier copy later — possibly after a newer change of the
 *     same record. Whoever needs Ometria to end with the current state re-sends it after a while.
 */
public record Outcome(Status status, String requestId, String reason, boolean inDoubt) {

    /** The kinds of outcome. */
    public enum Status {
        /** Ometria acknowledged the request that carried the record (it validates records later; see {@code /v2/push/_errors}). */
        ACCEPTED,
        /** The record is invalid and was not sent, or Ometria refused it: re-sending it unchanged cannot succeed. */
        REJECTED,
        /** Sending kept failing until the retry budget ran out; the record was handed to the dead-letter callback. */
        DEAD_LETTERED,
        /** The pipeline stopped (closed, or the API key was refused) before the record could be sent; it may be sent later. */
        ABANDONED
    }

    /**
     * Checks the parts.
     *
     * @param status the status
     * @param requestId the request id, or null
     * @param reason the reason, or null
     */
    public Outcome {
        Objects.requireNonNull(status, "status");
    }

    /**
     * An outcome that is not in doubt.
     *
     * @param status the status
     * @param requestId the request id, or null
     * @param reason the reason, or null
     */
    public Outcome(Status status, String requestId, String reason) {
        this(status, requestId, reason, false);
    }

    /**
     * An accepted record.
     *
     * @param requestId Ometria's request id, may be null
     * @return the outcome
     */
    public static Outcome accepted(String requestId) {
        return new Outcome(Status.ACCEPTED, requestId, null);
    }

    /**
     * An accepted record an earlier, unanswered attempt of which may still land later (see {@link #inDoubt()}).
     *
     * @param requestId Ometria's request id, may be null
     * @return the outcome
     */
    public static Outcome acceptedInDoubt(String requestId) {
        return new Outcome(Status.ACCEPTED, requestId, null, true);
    }

    /**
     * A rejected record.
     *
     * @param reason names the record and the field at fault
     * @return the outcome
     */
    public static Outcome rejected(String reason) {
        return new Outcome(Status.REJECTED, null, Objects.requireNonNull(reason, "reason"));
    }

    /**
     * A dead-lettered record.
     *
     * @param reason the last failure
     * @return the outcome
     */
    public static Outcome deadLettered(String reason) {
        return new Outcome(Status.DEAD_LETTERED, null, Objects.requireNonNull(reason, "reason"));
    }

    /**
     * An abandoned record.
     *
     * @param reason why the pipeline stopped
     * @return the outcome
     */
    public static Outcome abandoned(String reason) {
        return new Outcome(Status.ABANDONED, null, Objects.requireNonNull(reason, "reason"));
    }

    /**
     * Whether Ometria accepted the record.
     *
     * @return true for {@link Status#ACCEPTED}
     */
    public boolean isAccepted() {
        return status == Status.ACCEPTED;
    }
}
