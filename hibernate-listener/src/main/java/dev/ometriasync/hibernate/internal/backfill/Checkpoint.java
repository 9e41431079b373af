package dev.ometriasync.hibernate.internal.backfill;

import java.time.Instant;

/**
 * A row of {@code ometria_backfill_checkpoint}: how far one backfill got with one entity type.
 *
 * @param backfillName the backfill's name
 * @param entityName the entity type
 * @param lastId the id (as text) up to which every record has a final outcome, or null
 * @param done whether the type was sent to the end
 * @param changedSince the changed-since filter of the run that wrote it (ISO-8601), or null
 * @param recordsDone records with a final outcome, over every run since the backfill started
 * @param accepted of which accepted
 * @param rejected of which rejected
 * @param startedAt when the first run started on this type
 * @param updatedAt when the row was last written
 */
record Checkpoint(String backfillName, String entityName, String lastId, boolean done, String changedSince,
                  long recordsDone, long accepted, long rejected, Instant startedAt, Instant updatedAt) {

    static Checkpoint start(String backfillName, String entityName, String changedSince, Instant now) {
        return new Checkpoint(backfillName, entityName, null, false, changedSince, 0, 0, 0, now, now);
    }

    Checkpoint advance(String newLastId, long accepted, long rejected, Instant now) {
        return new Checkpoint(backfillName, entityName, newLastId, false, changedSince, recordsDone + accepted + rejected,
                this.accepted + accepted, this.rejected + rejected, startedAt, now);
    }

    Checkpoint finish(Instant now) {
        return new Checkpoint(backfillName, entityName, lastId, true, changedSince, recordsDone, accepted, rejected, startedAt, now);
    }
}
