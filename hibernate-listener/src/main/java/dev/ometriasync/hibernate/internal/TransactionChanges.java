package dev.ometriasync.hibernate.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The changes one transaction made to captured entities, one entry per entity: later events merge into
 * earlier ones (insert then update stays an insert; updates union their attribute names; insert then
 * delete cancels out; a delete wins over earlier updates; a re-insert after a delete is an insert).
 * A session is used by one thread at a time, so this class is not thread-safe.
 */
final class TransactionChanges {

    /**
     * Up to this many entities a change finds its entity's entry by a scan of the list; beyond, through an index. Most
     * transactions change a handful of entities, and for them a scan that compares two references costs less than
     * hashing a key object for every change, which this runs inside the user's flush.
     */
    private static final int SCAN_LIMIT = 8;

    /** The entity; an id retirement is kept apart from the entity's other changes, one per retired Ometria id. */
    private record Key(String entityName, Object id, String retiredOmetriaId) {
        static Key of(CapturedChange change) {
            return new Key(change.entityName(), change.id(), retiredId(change));
        }
    }

    /** One entry per entity in the order first changed; null where a change cancelled out (insert, then delete). */
    private List<CapturedChange> changes = new ArrayList<>(4);
    /** {@link #changes} was handed out by {@link #changes()}: copied before it is changed again. */
    private boolean handedOut;
    /** Entries that cancelled out. */
    private int cancelled;
    /** Built once the list outgrows {@link #SCAN_LIMIT}: where each entity's entry is. */
    private Map<Key, Integer> index;

    void add(CapturedChange change) {
        if (handedOut) {
            changes = new ArrayList<>(changes);
            handedOut = false;
        }
        int at = find(change);
        if (at < 0) {
            append(change);
            return;
        }
        if (change.operation() == OutboxOperation.RETIRE) {
            return; // the first retirement of an Ometria id says all there is
        }
        CapturedChange merged = merge(changes.get(at), change);
        changes.set(at, merged);
        if (merged == null) {
            cancelled++;
            if (index != null) {
                index.remove(Key.of(change));
            }
        }
    }

    private int find(CapturedChange change) {
        if (index != null) {
            Integer at = index.get(Key.of(change));
            return at == null ? -1 : at;
        }
        for (int i = 0; i < changes.size(); i++) {
            CapturedChange earlier = changes.get(i);
            if (earlier != null && sameEntry(earlier, change)) {
                return i;
            }
        }
        return -1;
    }

    private void append(CapturedChange change) {
        changes.add(change);
        if (index != null) {
            index.put(Key.of(change), changes.size() - 1);
        } else if (changes.size() > SCAN_LIMIT) {
            index = new HashMap<>();
            for (int i = 0; i < changes.size(); i++) {
                if (changes.get(i) != null) {
                    index.put(Key.of(changes.get(i)), i);
                }
            }
        }
    }

    private static boolean sameEntry(CapturedChange a, CapturedChange b) {
        return a.entityName().equals(b.entityName()) && a.id().equals(b.id()) && Objects.equals(retiredId(a), retiredId(b));
    }

    private static String retiredId(CapturedChange change) {
        return change.operation() == OutboxOperation.RETIRE ? change.ometriaId() : null;
    }

    private static CapturedChange merge(CapturedChange earlier, CapturedChange later) {
        OutboxOperation before = earlier.operation();
        OutboxOperation now = later.operation();
        if (now == OutboxOperation.DELETE) {
            // a row created and removed in the same transaction never existed for anyone else
            return before == OutboxOperation.INSERT ? null : later;
        }
        if (before == OutboxOperation.DELETE) {
            return now == OutboxOperation.INSERT ? later : earlier;
        }
        if (before == OutboxOperation.INSERT || now == OutboxOperation.INSERT) {
            return with(earlier, OutboxOperation.INSERT, null);
        }
        if (earlier.isFull() || later.isFull()) {
            return with(earlier, before == OutboxOperation.TOUCH || now == OutboxOperation.TOUCH ? OutboxOperation.TOUCH
                    : OutboxOperation.UPDATE, null);
        }
        // both partial updates (a touch is always full): the earlier change stands when the later adds no attribute
        Set<String> union = ChangedProperties.union(earlier.changedProperties(), later.changedProperties());
        return union == earlier.changedProperties() ? earlier : with(earlier, OutboxOperation.UPDATE, union);
    }

    private static CapturedChange with(CapturedChange change, OutboxOperation operation, Set<String> changed) {
        return new CapturedChange(operation, change.entityName(), change.id(), change.entityId(), change.recordType(),
                change.collection(), change.ometriaId(), changed);
    }

    boolean isEmpty() {
        return changes.size() == cancelled;
    }

    /**
     * @return the net changes, one per entity, in the order first changed; never changed afterwards (a change added
     *     later goes to a copy)
     */
    List<CapturedChange> changes() {
        if (cancelled == 0) {
            handedOut = true;
            return changes;
        }
        List<CapturedChange> net = new ArrayList<>(changes.size() - cancelled);
        for (CapturedChange change : changes) {
            if (change != null) {
                net.add(change);
            }
        }
        return net;
    }

    @Override
    public String toString() {
        return "TransactionChanges" + changes.stream().filter(Objects::nonNull).map(Key::of).map(Objects::toString).toList();
    }
}
