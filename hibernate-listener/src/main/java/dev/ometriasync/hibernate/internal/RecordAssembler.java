package dev.ometriasync.hibernate.internal;

import dev.ometriasync.annotation.DeletePolicy;
import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.OmetriaRecords;
import dev.ometriasync.runtime.RecordKey;
import dev.ometriasync.schema.OmetriaSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

/**
 * Turns captured changes into Ometria records by reading the entities' current state: changes to the
 * same entity are combined (full if any is full, else the union of changed attributes), the entities
 * of one type are loaded in one multi-load, and each record is serialized while the session is open
 * (lazy associations load, in batches when the session's fetch batch size is set).
 *
 * <p>Used through {@link CommittedStateLoader} by the outbox relay (rows from the table) and direct mode's
 * after-commit reader (changes noted in memory).
 */
final class RecordAssembler {

    /**
     * A change and what the caller needs back with its result (an outbox row id, for instance).
     *
     * @param change the change
     * @param tag the caller's handle
     * @param <T> the handle type
     */
    record Work<T>(CapturedChange change, T tag) {
    }

    /**
     * The result for one entity.
     *
     * @param record the record to send, or null when there is nothing to send (the entity is gone, or no mapped attribute changed)
     * @param tags the handles of every change that this result covers
     * @param failure why the record could not be built, or null
     * @param <T> the handle type
     */
    record Assembled<T>(OmetriaRecord record, List<T> tags, String failure) {
        boolean isFailure() {
            return failure != null;
        }
    }

    /** One result per entity; an id retirement is a result of its own (a different Ometria record). */
    private record Key(String entityName, String entityId, String retiredOmetriaId) {
    }

    private final EntityCatalog catalog;

    RecordAssembler(EntityCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Builds the records for a batch of changes.
     *
     * @param session an open session, ideally read-only with a fetch batch size
     * @param work the changes
     * @param idOf reads the entity id back (for rows, from its text)
     * @param <T> the handle type
     * @return one result per entity, in first-seen order
     */
    <T> List<Assembled<T>> assemble(Session session, List<Work<T>> work, java.util.function.Function<CapturedChange, Object> idOf) {
        Map<Key, List<Work<T>>> byEntity = new LinkedHashMap<>();
        for (Work<T> item : work) {
            CapturedChange change = item.change();
            byEntity.computeIfAbsent(new Key(change.entityName(), change.entityId(),
                    change.operation() == OutboxOperation.RETIRE ? change.ometriaId() : null), k -> new ArrayList<>()).add(item);
        }
        Map<String, Map<String, Object>> loaded = load(session, byEntity.keySet(), byEntity, idOf);
        List<Assembled<T>> results = new ArrayList<>();
        for (Map.Entry<Key, List<Work<T>>> entry : byEntity.entrySet()) {
            Key key = entry.getKey();
            List<Work<T>> items = entry.getValue();
            List<T> tags = items.stream().map(Work::tag).toList();
            CapturedType type = catalog.type(key.entityName());
            if (type == null) {
                results.add(new Assembled<>(null, tags, null)); // no longer an Ometria type after a deploy: nothing to send
                continue;
            }
            Object entity = loaded.getOrDefault(key.entityName(), Map.of()).get(key.entityId());
            try {
                results.add(new Assembled<>(build(type, entity, items), tags, null));
            } catch (RuntimeException e) {
                results.add(new Assembled<>(null, tags, type.entityName() + "#" + key.entityId() + ": " + FailureText.describe(e)));
            }
        }
        return results;
    }

    private <T> OmetriaRecord build(CapturedType type, Object entity, List<Work<T>> items) {
        CapturedChange first = items.get(0).change();
        if (first.operation() == OutboxOperation.RETIRE) {
            // the entity went back to this id since: its current record is sent under it, nothing to retire
            boolean backAgain = entity != null && first.ometriaId().equals(type.serializer().id(entity));
            return backAgain ? null : deactivation(type, first);
        }
        if (entity == null) {
            // deleted since: only a delete change sends something, following the delete policy
            for (Work<T> item : items) {
                if (item.change().operation() == OutboxOperation.DELETE) {
                    return deactivation(type, item.change());
                }
            }
            return null;
        }
        boolean full = false;
        boolean inserted = false;
        Set<String> changed = new LinkedHashSet<>();
        boolean anyLiveChange = false;
        for (Work<T> item : items) {
            CapturedChange change = item.change();
            if (change.operation() == OutboxOperation.DELETE) {
                continue; // the entity exists again (re-created with the same id): its insert row sends it
            }
            anyLiveChange = true;
            inserted |= change.operation() == OutboxOperation.INSERT;
            if (change.isFull()) {
                full = true;
            } else {
                changed.addAll(change.changedProperties());
            }
        }
        if (!anyLiveChange || (type.isAppendOnly() && !inserted)) {
            return null;
        }
        if (full) {
            return OmetriaRecords.toRecord(entity, null);
        }
        changed.retainAll(type.mappedProperties()); // names written before a deploy that unmapped them
        return changed.isEmpty() ? null : OmetriaRecords.toRecord(entity, changed);
    }

    /**
     * Whether a change can lead to a record: a delete (or a retired id) only when its type's policy sends something.
     *
     * @param catalog the captured types
     * @param change the change
     * @return false for a change that is known to send nothing
     */
    static boolean sendsSomething(EntityCatalog catalog, CapturedChange change) {
        if (change.operation() != OutboxOperation.DELETE && change.operation() != OutboxOperation.RETIRE) {
            return true;
        }
        CapturedType type = catalog.type(change.entityName());
        return type != null && deactivation(type, change) != null;
    }

    /**
     * The record a delete sends under the DEACTIVATE policy, or null under IGNORE.
     *
     * @param type the entity's captured type
     * @param change the delete
     * @return the partial record, or null
     */
    static OmetriaRecord deactivation(CapturedType type, CapturedChange change) {
        if (type.deletePolicy() != DeletePolicy.DEACTIVATE || change.ometriaId() == null) {
            return null;
        }
        return OmetriaSchema.deactivationField(type.recordType())
                .map(field -> new OmetriaRecord(new RecordKey(type.recordType(), change.collection(), change.ometriaId()), false,
                        Map.of(field, "false")))
                .orElse(null);
    }

    // Session.byMultipleIds is marked for removal from Hibernate 7.2 in favour of findMultiple, which Hibernate 6.6
    // (still supported) does not have; no other multi-load keeps its semantics (persistence context first, no
    // auto-flush, results in id order) on both lines. Replace with findMultiple when 6.6 support ends.
    @SuppressWarnings("removal")
    private <T> Map<String, Map<String, Object>> load(Session session, Set<Key> keys, Map<Key, List<Work<T>>> byEntity,
            java.util.function.Function<CapturedChange, Object> idOf) {
        Map<String, List<Object>> idsByType = new LinkedHashMap<>();
        Map<String, List<String>> textsByType = new LinkedHashMap<>();
        for (Key key : keys) {
            if (catalog.type(key.entityName()) == null) {
                continue;
            }
            idsByType.computeIfAbsent(key.entityName(), k -> new ArrayList<>()).add(idOf.apply(byEntity.get(key).get(0).change()));
            textsByType.computeIfAbsent(key.entityName(), k -> new ArrayList<>()).add(key.entityId());
        }
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (Map.Entry<String, List<Object>> entry : idsByType.entrySet()) {
            List<Object> ids = entry.getValue();
            List<?> entities = session.byMultipleIds(entry.getKey()).withBatchSize(Math.max(1, ids.size())).multiLoad(ids);
            List<String> texts = textsByType.get(entry.getKey());
            Map<String, Object> byId = new LinkedHashMap<>();
            for (int i = 0; i < texts.size(); i++) {
                byId.put(texts.get(i), entities.get(i));
            }
            result.put(entry.getKey(), byId);
        }
        return result;
    }
}
