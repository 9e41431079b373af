package dev.ometriasync.hibernate.internal;

import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.BasicType;
import org.hibernate.type.Type;
import org.hibernate.type.descriptor.java.JavaType;

/**
 * Turns entity ids into the text stored in {@code ometria_outbox.entity_id} and back, through Hibernate's
 * own Java type of the id. Only single-column (basic) ids are supported: other ids fail at start.
 */
final class IdText {

    private IdText() {
    }

    /**
     * Whether the entity's id can be stored as text.
     *
     * @param persister the entity's persister
     * @return true for basic ids
     */
    static boolean supports(EntityPersister persister) {
        return persister.getIdentifierType() instanceof BasicType<?>;
    }

    static String format(EntityPersister persister, Object id) {
        return javaType(persister).toString(id);
    }

    static Object parse(EntityPersister persister, String text) {
        return javaType(persister).fromString(text);
    }

    @SuppressWarnings("unchecked")
    private static JavaType<Object> javaType(EntityPersister persister) {
        Type type = persister.getIdentifierType();
        if (type instanceof BasicType<?> basic) {
            return (JavaType<Object>) basic.getJavaTypeDescriptor();
        }
        throw new IllegalStateException("ometria-sync supports only single-column ids; " + persister.getEntityName()
                + " has a composite id");
    }
}
