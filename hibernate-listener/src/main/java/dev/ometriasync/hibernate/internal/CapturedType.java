package dev.ometriasync.hibernate.internal;

import dev.ometriasync.annotation.DeletePolicy;
import dev.ometriasync.spi.OmetriaSerializer;
import dev.ometriasync.schema.RecordType;
import java.util.Set;

/**
 * An entity type whose changes are sent to Ometria: its serializer and what a delete sends.
 *
 * @param entityName Hibernate's entity name
 * @param javaClass the mapped class
 * @param serializer the generated serializer
 * @param deletePolicy what a delete sends (always {@link DeletePolicy#IGNORE} for contacts and events)
 * @param ometriaIdAttribute the Java attribute mapped to Ometria's {@code id}, or null when it is not a plain attribute
 */
record CapturedType(String entityName, Class<?> javaClass, OmetriaSerializer<Object> serializer, DeletePolicy deletePolicy,
        String ometriaIdAttribute) {

    RecordType recordType() {
        return serializer.recordType();
    }

    String collection() {
        return serializer.collection();
    }

    Set<String> mappedProperties() {
        return serializer.mappedProperties();
    }

    /** Custom events are append-only: Ometria gets them once, when they are created. */
    boolean isAppendOnly() {
        return recordType() == RecordType.CUSTOM_EVENT;
    }
}
