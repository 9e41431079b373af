package dev.ometriasync.hibernate.internal.backfill;

import dev.ometriasync.hibernate.backfill.BackfillProgressListener;
import dev.ometriasync.schema.RecordType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings of one backfill run, as collected by {@code OmetriaBackfill}.
 *
 * @param name the checkpoint key
 * @param types the record types to send
 * @param entities entity classes to restrict to (empty: every entity of the types)
 * @param changedSince only rows whose changed-since attribute is at or after this instant, or null for all rows
 * @param changedSinceAttributes entity class (or superclass) → attribute path holding its last-change time
 * @param changedSinceZone the zone of {@code LocalDateTime}/{@code LocalDate} attributes
 * @param chunkSize rows read, submitted and checkpointed together
 * @param maxChunksInFlight chunks submitted whose records do not all have an outcome yet
 * @param restart forget the checkpoint and start at the beginning
 * @param createCheckpointTable create the checkpoint table when it is missing
 * @param listener progress callback
 * @param clock for rate and elapsed time
 */
public record BackfillOptions(String name, Set<RecordType> types, List<Class<?>> entities, Instant changedSince,
                              Map<Class<?>, String> changedSinceAttributes, ZoneId changedSinceZone, int chunkSize,
                              int maxChunksInFlight, boolean restart, boolean createCheckpointTable,
                              BackfillProgressListener listener, Clock clock) {

    /**
     * Copies the collections.
     *
     * @param name name
     * @param types types
     * @param entities entities
     * @param changedSince since
     * @param changedSinceAttributes attributes
     * @param changedSinceZone zone
     * @param chunkSize chunk size
     * @param maxChunksInFlight window
     * @param restart restart
     * @param createCheckpointTable create table
     * @param listener listener
     * @param clock clock
     */
    public BackfillOptions {
        types = Set.copyOf(types);
        entities = List.copyOf(entities);
        changedSinceAttributes = Map.copyOf(changedSinceAttributes);
    }
}
