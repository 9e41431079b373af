package dev.ometriasync.hibernate.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Direct mode's queue of committed changes waiting to be read back: one entry per entity (and per retired Ometria
 * id), in the order they were first noted, at most {@code capacity} entries. A change of an entity that is already
 * waiting is merged into its entry (full if either is full, else the union of attribute names; the latest delete
 * kept apart), so coalescing never needs room and the read that follows sees the newest committed state anyway.
 * Not thread-safe: the reader guards it.
 */
final class PendingChanges {

    /** One entity; an id retirement is an entry of its own (a different Ometria record). */
    record Key(String entityName, String entityId, String retiredOmetriaId) {
        static Key of(CapturedChange change) {
            return new Key(change.entityName(), change.entityId(),
                    change.operation() == OutboxOperation.RETIRE ? change.ometriaId() : null);
        }
    }

    /** What is noted for one entity: its live changes merged, and the latest delete (for the delete policy). */
    private static final class Entry {
        private CapturedChange live;
        private CapturedChange delete;

        List<CapturedChange> changes() {
            List<CapturedChange> changes = new ArrayList<>(2);
            if (live != null) {
                changes.add(live);
            }
            if (delete != null) {
                changes.add(delete);
            }
            return changes;
        }
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>();
    private final int capacity;

    PendingChanges(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Notes a change: merged into its entity's entry, or a new entry when there is room.
     *
     * @param change a committed change
     * @return false when the entity had no entry and the queue is full (the change is not noted)
     */
    boolean add(CapturedChange change) {
        Key key = Key.of(change);
        Entry entry = entries.get(key);
        if (entry == null) {
            if (entries.size() >= capacity) {
                return false;
            }
            entry = new Entry();
            entries.put(key, entry);
        }
        merge(entry, change, false);
        return true;
    }

    /**
     * Puts back changes that were taken but could not be read (the database failed): merged under anything noted
     * since, which is newer. Room is not checked: they had it before.
     *
     * @param changes the changes taken with one key
     */
    void putBack(List<CapturedChange> changes) {
        for (CapturedChange change : changes) {
            merge(entries.computeIfAbsent(Key.of(change), k -> new Entry()), change, true);
        }
    }

    /**
     * Removes and returns the oldest entries.
     *
     * @param max the most entries
     * @return per entity, its changes (one or two)
     */
    Map<Key, List<CapturedChange>> take(int max) {
        Map<Key, List<CapturedChange>> taken = new LinkedHashMap<>();
        Iterator<Map.Entry<Key, Entry>> iterator = entries.entrySet().iterator();
        while (iterator.hasNext() && taken.size() < max) {
            Map.Entry<Key, Entry> next = iterator.next();
            taken.put(next.getKey(), next.getValue().changes());
            iterator.remove();
        }
        return taken;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    int size() {
        return entries.size();
    }

    private static void merge(Entry entry, CapturedChange change, boolean older) {
        switch (change.operation()) {
            case RETIRE -> {
                if (entry.live == null) {
                    entry.live = change;
                }
            }
            case DELETE -> {
                if (entry.delete == null || !older) {
                    entry.delete = change;
                }
            }
            default -> entry.live = entry.live == null ? change : older ? mergeLive(change, entry.live) : mergeLive(entry.live, change);
        }
    }

    /** Two live changes of one entity, the later second: what the read of the newest state must send. */
    private static CapturedChange mergeLive(CapturedChange earlier, CapturedChange later) {
        OutboxOperation operation = earlier.operation() == OutboxOperation.INSERT || later.operation() == OutboxOperation.INSERT
                ? OutboxOperation.INSERT
                : earlier.operation() == OutboxOperation.TOUCH || later.operation() == OutboxOperation.TOUCH
                        ? OutboxOperation.TOUCH : OutboxOperation.UPDATE;
        Set<String> changed = null;
        if (!earlier.isFull() && !later.isFull()) {
            changed = ChangedProperties.union(earlier.changedProperties(), later.changedProperties());
        }
        return new CapturedChange(operation, later.entityName(), later.id() != null ? later.id() : earlier.id(), later.entityId(),
                later.recordType(), later.collection(), later.ometriaId() != null ? later.ometriaId() : earlier.ometriaId(), changed);
    }
}
