package dev.ometriasync.hibernate.internal.backfill;

import dev.ometriasync.schema.RecordType;
import org.hibernate.type.descriptor.java.JavaType;

/**
 * One entity type to backfill: the root of a captured hierarchy (its query returns the subtypes too), how its
 * ids order and print, and the optional changed-since condition.
 *
 * @param entityName Hibernate's entity name (the checkpoint key)
 * @param jpaEntityName the name used in queries
 * @param javaClass the mapped class
 * @param recordType the Ometria type its serializer writes
 * @param idAttribute the identifier attribute
 * @param idType Hibernate's Java type of the id, which formats and parses it as text
 * @param changedSinceAttribute the attribute path compared with the changed-since instant, or null
 * @param changedSinceValue the instant converted to that attribute's Java type, or null
 */
public record BackfillTarget(String entityName, String jpaEntityName, Class<?> javaClass, RecordType recordType,
                             String idAttribute, JavaType<Object> idType, String changedSinceAttribute,
                             Object changedSinceValue) {

    /**
     * The id as stored in the checkpoint.
     *
     * @param id an id of this entity
     * @return its text
     */
    public String idText(Object id) {
        return idType.toString(id);
    }

    /**
     * Reads an id back from the checkpoint.
     *
     * @param text the stored text
     * @return the id
     */
    public Object parseId(String text) {
        return idType.fromString(text);
    }

    /**
     * The entity name without its package, for messages.
     *
     * @return the simple name
     */
    public String simpleName() {
        int dot = entityName.lastIndexOf('.');
        return dot < 0 ? entityName : entityName.substring(dot + 1);
    }

    /**
     * A copy with the changed-since condition.
     *
     * @param attribute the attribute path
     * @param value the converted instant
     * @return the copy
     */
    BackfillTarget withChangedSince(String attribute, Object value) {
        return new BackfillTarget(entityName, jpaEntityName, javaClass, recordType, idAttribute, idType, attribute, value);
    }
}
