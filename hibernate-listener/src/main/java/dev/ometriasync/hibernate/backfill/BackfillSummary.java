package dev.ometriasync.hibernate.backfill;

import dev.ometriasync.schema.RecordType;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run of a backfill did.
 *
 * @param name the backfill's name (its checkpoint key)
 * @param complete true when every selected type was sent to the end; false when the run stopped early
 *     (see {@link #stopReason()}) and a new run resumes it
 * @param stopReason why the run stopped early, or null when complete
 * @param sent records handed to the pipeline by this run
 * @param accepted records of this run that Ometria accepted
 * @param rejected records of this run that were not delivered (see {@link #rejections()})
 * @param rejections the first {@value OmetriaBackfill#MAX_LISTED_REJECTIONS} undelivered records with
 *     reasons; {@link #rejected()} counts them all
 * @param types per entity type, in the order they were sent
 * @param duration how long this run took
 */
public record BackfillSummary(String name, boolean complete, String stopReason, long sent, long accepted, long rejected,
                              List<BackfillRejection> rejections, List<TypeResult> types, Duration duration) {

    /**
     * Checks and copies the parts.
     *
     * @param name the name
     * @param complete whether complete
     * @param stopReason the reason, or null
     * @param sent sent
     * @param accepted accepted
     * @param rejected rejected
     * @param rejections listed rejections
     * @param types per type
     * @param duration duration
     */
    public BackfillSummary {
        Objects.requireNonNull(name, "name");
        rejections = List.copyOf(rejections);
        types = List.copyOf(types);
        Objects.requireNonNull(duration, "duration");
    }

    /**
     * Why the run stopped early.
     *
     * @return the reason, or empty when the run is complete
     */
    public Optional<String> stopReasonIfAny() {
        return Optional.ofNullable(stopReason);
    }

    /**
     * Records per second over the whole run.
     *
     * @return {@code (accepted + rejected) / duration}, 0 for an empty run
     */
    public double recordsPerSecond() {
        double seconds = duration.toNanos() / 1e9;
        return seconds <= 0 ? 0 : (accepted + rejected) / seconds;
    }

    /** What happened to one entity type. */
    public enum TypeStatus {
        /** Sent to the end in this run. */
        COMPLETED,
        /** Finished by an earlier run of this backfill that was stopped later: skipped. */
        ALREADY_DONE,
        /** This run stopped while sending it; the next run resumes after its last confirmed chunk. */
        STOPPED,
        /** This run stopped before it reached this type. */
        NOT_STARTED
    }

    /**
     * One entity type of the run.
     *
     * @param entityName the Hibernate entity name
     * @param recordType the Ometria record type
     * @param status what happened
     * @param resumedAfterId the id (as text) after which this run resumed, or null when it started at the beginning
     * @param sent records of this type handed to the pipeline by this run
     * @param accepted records accepted
     * @param rejected records not delivered
     */
    public record TypeResult(String entityName, RecordType recordType, TypeStatus status, String resumedAfterId,
                             long sent, long accepted, long rejected) {
    }
}
