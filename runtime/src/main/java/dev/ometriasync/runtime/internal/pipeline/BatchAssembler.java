package dev.ometriasync.runtime.internal.pipeline;

import dev.ometriasync.runtime.Priority;
import dev.ometriasync.runtime.RecordKey;
import dev.ometriasync.schema.RecordType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sendable entries, in one first-in-first-out lane per priority and record type, and the rule that
 * turns them into batches: one {@code @type} per batch (Ometria asks never to mix types), live entries
 * before backfill entries, and among types the one whose oldest live entry has waited longest. A batch is
 * topped up with backfill entries of the same type when the live ones do not fill it: the permit is spent
 * either way. Not thread-safe: {@link PendingQueue} guards it.
 */
final class BatchAssembler {

    private final Map<Priority, Map<RecordType, LinkedHashMap<RecordKey, PendingEntry>>> lanes =
            new EnumMap<>(Priority.class);
    private int size;

    BatchAssembler() {
        for (Priority priority : Priority.values()) {
            Map<RecordType, LinkedHashMap<RecordKey, PendingEntry>> byType = new EnumMap<>(RecordType.class);
            for (RecordType type : RecordType.values()) {
                byType.put(type, new LinkedHashMap<>());
            }
            lanes.put(priority, byType);
        }
    }

    void add(PendingEntry entry) {
        if (lane(entry.priority(), entry.key().type()).put(entry.key(), entry) == null) {
            size++;
        }
    }

    /** Moves an entry whose priority changed (a live change coalesced into a backfill record). */
    void reprioritize(PendingEntry entry, Priority previous) {
        if (previous != entry.priority() && lane(previous, entry.key().type()).remove(entry.key()) != null) {
            lane(entry.priority(), entry.key().type()).put(entry.key(), entry);
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /**
     * Removes and returns the next batch.
     *
     * @param maxRecords the most records it may hold
     * @return the batch's entries, all of one record type; empty when nothing is waiting
     */
    List<PendingEntry> takeBatch(int maxRecords) {
        RecordType type = nextType();
        List<PendingEntry> batch = new ArrayList<>(Math.min(maxRecords, size));
        if (type == null) {
            return batch;
        }
        for (Priority priority : Priority.values()) {
            Iterator<PendingEntry> lane = lane(priority, type).values().iterator();
            while (batch.size() < maxRecords && lane.hasNext()) {
                batch.add(lane.next());
                lane.remove();
                size--;
            }
        }
        return batch;
    }

    /**
     * How many records the next {@link #takeBatch} would hold, without taking them.
     *
     * @param maxRecords the most records it may hold
     * @return the size of the next batch; 0 when nothing is waiting
     */
    int nextBatchSize(int maxRecords) {
        RecordType type = nextType();
        if (type == null) {
            return 0;
        }
        int count = 0;
        for (Priority priority : Priority.values()) {
            count += lane(priority, type).size();
        }
        return Math.min(count, maxRecords);
    }

    /** Removes and returns everything, for shutdown. */
    List<PendingEntry> takeAll() {
        List<PendingEntry> all = new ArrayList<>(size);
        for (Map<RecordType, LinkedHashMap<RecordKey, PendingEntry>> byType : lanes.values()) {
            for (LinkedHashMap<RecordKey, PendingEntry> lane : byType.values()) {
                all.addAll(lane.values());
                lane.clear();
            }
        }
        size = 0;
        return all;
    }

    /** When the longest-waiting entry at the head of a lane was first queued, or null when empty. */
    Instant oldestQueuedAt() {
        Instant oldest = null;
        for (Map<RecordType, LinkedHashMap<RecordKey, PendingEntry>> byType : lanes.values()) {
            for (LinkedHashMap<RecordKey, PendingEntry> lane : byType.values()) {
                Instant head = headQueuedAt(lane);
                if (head != null && (oldest == null || head.isBefore(oldest))) {
                    oldest = head;
                }
            }
        }
        return oldest;
    }

    private RecordType nextType() {
        for (Priority priority : Priority.values()) {
            RecordType best = null;
            Instant bestHead = null;
            for (Map.Entry<RecordType, LinkedHashMap<RecordKey, PendingEntry>> lane : lanes.get(priority).entrySet()) {
                Instant head = headQueuedAt(lane.getValue());
                if (head != null && (bestHead == null || head.isBefore(bestHead))) {
                    best = lane.getKey();
                    bestHead = head;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    private static Instant headQueuedAt(LinkedHashMap<RecordKey, PendingEntry> lane) {
        return lane.isEmpty() ? null : lane.values().iterator().next().firstQueuedAt();
    }

    private LinkedHashMap<RecordKey, PendingEntry> lane(Priority priority, RecordType type) {
        return lanes.get(priority).get(type);
    }
}
