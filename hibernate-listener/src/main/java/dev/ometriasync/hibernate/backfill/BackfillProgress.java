package dev.ometriasync.hibernate.backfill;

import dev.ometriasync.schema.RecordType;
import java.time.Duration;
import java.util.Optional;

/**
 * A backfill's progress: how many records of this run have a final outcome (accepted or rejected by
 * Ometria, or not sendable), out of how many the run found to send when it started.
 *
 * @param recordType the Ometria type being sent now (or last sent, at the end); null before the first type starts
 * @param entityName the Hibernate entity name being sent now, or null before the first type starts
 * @param done records of this run with a final outcome
 * @param total records this run found to send at its start (rows added since are sent too, so {@code done}
 *     can end above it)
 * @param accepted records of this run that Ometria accepted
 * @param rejected records of this run that were rejected (locally or by Ometria), could not be serialized, or
 *     were given up after the retry budget
 * @param elapsed time since this run started
 * @param recordsPerSecond {@code done} divided by {@code elapsed}; 0 before anything is done
 */
public record BackfillProgress(RecordType recordType, String entityName, long done, long total, long accepted,
                               long rejected, Duration elapsed, double recordsPerSecond) {

    /**
     * The estimated time left at the rate so far.
     *
     * @return the estimate, or empty while nothing is done yet
     */
    public Optional<Duration> eta() {
        if (recordsPerSecond <= 0) {
            return Optional.empty();
        }
        long left = Math.max(0, total - done);
        return Optional.of(Duration.ofMillis((long) Math.ceil(left * 1000.0 / recordsPerSecond)));
    }

    /**
     * The share done, for a percentage.
     *
     * @return from 0 to 1; 1 when there is nothing to send
     */
    public double fraction() {
        return total <= 0 ? 1.0 : Math.min(1.0, (double) done / total);
    }
}
