package dev.ometriasync.hibernate.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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

    /** The entity; an id retirement is kept apart from the entity's other changes, one per retired Ometria id. */
    private record Key(String entityName, Object id, String retiredOmetriaId) {
    }

    private final Map<Key, CapturedChange> changes = new LinkedHashMap<>();

    void add(CapturedChange change) {
        Key key = new Key(change.entityName(), change.id(),
                change.operation() == OutboxOperation.RETIRE ? change.ometriaId() : null);
        if (change.operation() == OutboxOperation.RETIRE) {
            changes.putIfAbsent(key, change);
            return;
        }
        CapturedChange earlier = changes.get(key);
        if (earlier == null) {
            changes.put(key, change);
            return;
        }
        CapturedChange merged = merge(earlier, change);
        if (merged == null) {
            changes.remove(key);
        } else {
            changes.put(key, merged);
        }
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
        Set<String> union = new LinkedHashSet<>(earlier.changedProperties());
        union.addAll(later.changedProperties());
        return with(earlier, OutboxOperation.UPDATE, union);
    }

    private static CapturedChange with(CapturedChange change, OutboxOperation operation, Set<String> changed) {
        return new CapturedChange(operation, change.entityName(), change.id(), change.entityId(), change.recordType(),
                change.collection(), change.ometriaId(), changed);
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }

    List<CapturedChange> changes() {
        return new ArrayList<>(changes.values());
    }

    @Override
    public String toString() {
        return "TransactionChanges" + changes.keySet().stream().map(Objects::toString).toList();
    }
}
