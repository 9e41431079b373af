package dev.ometriasync.hibernate.internal;

import dev.ometriasync.schema.RecordType;
import java.util.Set;

/**
 * One entity's net change in a transaction, as written to an outbox row or handed to direct mode.
 *
 * @param operation what happened
 * @param entityName Hibernate's entity name
 * @param id the entity id
 * @param entityId the id as text (outbox column)
 * @param recordType the Ometria record type
 * @param collection the contact collection, or null
 * @param ometriaId the Ometria record id, needed for deletes (the entity cannot be loaded later); may be null otherwise
 * @param changedProperties top-level attribute names for an update; null means the full record
 */
record CapturedChange(
        OutboxOperation operation,
        String entityName,
        Object id,
        String entityId,
        RecordType recordType,
        String collection,
        String ometriaId,
        Set<String> changedProperties) {

    boolean isFull() {
        return changedProperties == null;
    }
}
