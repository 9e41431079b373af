package dev.ometriasync.hibernate.internal.backfill;

import dev.ometriasync.runtime.OmetriaSerializers;
import dev.ometriasync.spi.OmetriaSerializer;
import dev.ometriasync.schema.RecordType;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.SingularAttribute;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.BasicType;
import org.hibernate.type.descriptor.java.JavaType;

/**
 * Decides what a backfill sends: the entity types carrying an Ometria record annotation, restricted to the
 * requested record types and classes, one per hierarchy (the topmost selected entity: its query returns its
 * subtypes), ordered products, contacts, orders, custom events; and, with a changed-since instant, the
 * attribute of each type that it is compared with. Every problem is reported at once, before anything is sent.
 */
public final class BackfillPlanner {

    /** Ometria's integration guide: the catalogue first (orders reference products), then people, then what they bought. */
    private static final List<RecordType> SEND_ORDER =
            List.of(RecordType.PRODUCT, RecordType.CONTACT, RecordType.ORDER, RecordType.CUSTOM_EVENT);

    private BackfillPlanner() {
    }

    /**
     * Plans the run.
     *
     * @param factory the SessionFactory
     * @param options the options
     * @return the targets in send order
     * @throws IllegalArgumentException naming every problem (unknown class, missing or unusable changed-since attribute)
     */
    public static List<BackfillTarget> plan(SessionFactoryImplementor factory, BackfillOptions options) {
        Map<String, EntityPersister> captured = capturedEntities(factory);
        List<String> problems = new ArrayList<>();
        for (Class<?> requested : options.entities()) {
            boolean known = captured.values().stream().anyMatch(p -> requested.isAssignableFrom(p.getMappedClass()));
            if (!known) {
                problems.add(requested.getName() + " is not an entity with an Ometria record annotation (@OmetriaProduct, "
                        + "@OmetriaContact, @OmetriaOrder or @OmetriaCustomEvent) in this SessionFactory");
            }
        }
        Map<String, EntityPersister> selected = new LinkedHashMap<>();
        for (EntityPersister persister : captured.values()) {
            if (options.types().contains(recordType(persister))
                    && (options.entities().isEmpty()
                        || options.entities().stream().anyMatch(c -> c.isAssignableFrom(persister.getMappedClass())))) {
                selected.put(persister.getEntityName(), persister);
            }
        }
        List<BackfillTarget> targets = new ArrayList<>();
        for (EntityPersister persister : selected.values()) {
            if (hasSelectedAncestor(persister, selected)) {
                continue; // the ancestor's query returns this subtype's rows
            }
            if (!(persister.getIdentifierType() instanceof BasicType<?> basic)) {
                problems.add(persister.getEntityName() + " has a composite id; the backfill supports single-column ids");
                continue;
            }
            @SuppressWarnings("unchecked")
            JavaType<Object> idType = (JavaType<Object>) basic.getJavaTypeDescriptor();
            targets.add(new BackfillTarget(persister.getEntityName(), jpaEntityName(factory, persister), persister.getMappedClass(),
                    recordType(persister), persister.getIdentifierPropertyName(), idType, null, null));
        }
        for (Class<?> type : options.changedSinceAttributes().keySet()) {
            if (captured.values().stream().noneMatch(p -> type.isAssignableFrom(p.getMappedClass()))) {
                problems.add("changedSinceAttribute(" + type.getName() + ", ...): no entity with an Ometria record annotation is "
                        + type.getSimpleName() + " or extends it");
            }
        }
        if (options.changedSince() != null) {
            List<BackfillTarget> filtered = new ArrayList<>();
            for (BackfillTarget target : targets) {
                filtered.add(withChangedSince(factory, target, options, problems));
            }
            targets = filtered;
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The backfill cannot start:\n  - " + String.join("\n  - ", problems));
        }
        targets.sort(Comparator.comparingInt((BackfillTarget t) -> SEND_ORDER.indexOf(t.recordType()))
                .thenComparing(BackfillTarget::entityName));
        return targets;
    }

    /** Every entity type with a record annotation and a serializer, by entity name. */
    /**
     * The JPA entity name, for HQL. Read from the JPA metamodel: {@code EntityPersister.getJpaEntityName()} does
     * not exist in Hibernate ORM 6.6.
     */
    private static String jpaEntityName(SessionFactoryImplementor factory, EntityPersister persister) {
        return factory.getJpaMetamodel().entity(persister.getEntityName()).getName();
    }

    private static Map<String, EntityPersister> capturedEntities(SessionFactoryImplementor factory) {
        List<EntityPersister> persisters = new ArrayList<>();
        factory.getMappingMetamodel().forEachEntityDescriptor(p -> {
            if (isCaptured(p.getMappedClass())) {
                persisters.add(p);
            }
        });
        persisters.sort(Comparator.comparing(EntityPersister::getEntityName));
        Map<String, EntityPersister> captured = new LinkedHashMap<>();
        persisters.forEach(p -> captured.put(p.getEntityName(), p));
        return captured;
    }

    private static boolean isCaptured(Class<?> mapped) {
        if (mapped == null || OmetriaSerializers.annotatedClass(mapped) == null) {
            return false;
        }
        try {
            return OmetriaSerializers.find(mapped).isPresent();
        } catch (IllegalStateException e) {
            return false; // the integration already refused to start for this; nothing to add
        }
    }

    private static RecordType recordType(EntityPersister persister) {
        Optional<OmetriaSerializer<?>> serializer = OmetriaSerializers.find(persister.getMappedClass());
        return serializer.orElseThrow().recordType();
    }

    private static boolean hasSelectedAncestor(EntityPersister persister, Map<String, EntityPersister> selected) {
        for (EntityMappingType parent = persister.getSuperMappingType(); parent != null; parent = parent.getSuperMappingType()) {
            if (selected.containsKey(parent.getEntityName())) {
                return true;
            }
        }
        return false;
    }

    private static BackfillTarget withChangedSince(SessionFactoryImplementor factory, BackfillTarget target, BackfillOptions options,
            List<String> problems) {
        String attribute = attributeFor(target.javaClass(), options.changedSinceAttributes());
        if (attribute == null) {
            problems.add(target.entityName() + " has no changed-since attribute: name the attribute that holds its last-change time with "
                    + "changedSinceAttribute(" + target.javaClass().getSimpleName() + ".class, \"updatedAt\"), or leave the type out with "
                    + "types(...)/entities(...)");
            return target;
        }
        Class<?> javaType;
        try {
            javaType = attributeJavaType(factory.getJpaMetamodel().entity(target.entityName()), attribute);
        } catch (IllegalArgumentException e) {
            problems.add("changedSinceAttribute for " + target.entityName() + ": " + e.getMessage());
            return target;
        }
        Object value = convert(options.changedSince(), javaType, options.changedSinceZone());
        if (value == null) {
            problems.add("changedSinceAttribute for " + target.entityName() + ": '" + attribute + "' is a " + javaType.getName()
                    + "; it must be an Instant, OffsetDateTime, ZonedDateTime, LocalDateTime, LocalDate or java.util.Date");
            return target;
        }
        return target.withChangedSince(attribute, value);
    }

    /** The attribute named for the class itself or its closest superclass (or interface). */
    private static String attributeFor(Class<?> entity, Map<Class<?>, String> attributes) {
        Class<?> best = null;
        for (Class<?> candidate : attributes.keySet()) {
            if (candidate.isAssignableFrom(entity) && (best == null || best.isAssignableFrom(candidate))) {
                best = candidate;
            }
        }
        return best == null ? null : attributes.get(best);
    }

    private static Class<?> attributeJavaType(ManagedType<?> entity, String path) {
        ManagedType<?> current = entity;
        Class<?> javaType = null;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            if (current == null) {
                throw new IllegalArgumentException("'" + path + "' does not name an attribute: '" + parts[i - 1] + "' is not an embeddable");
            }
            Attribute<?, ?> attribute;
            try {
                attribute = current.getAttribute(parts[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + path + "' does not name an attribute ('" + parts[i] + "' is unknown)", e);
            }
            if (!(attribute instanceof SingularAttribute<?, ?> singular)) {
                throw new IllegalArgumentException("'" + path + "' is a collection, not a date/time attribute");
            }
            javaType = singular.getJavaType();
            current = singular.getType() instanceof ManagedType<?> managed ? managed : null;
        }
        return javaType;
    }

    /** The instant in the attribute's Java type, or null when that type is not a date/time type. */
    static Object convert(Instant since, Class<?> type, ZoneId zone) {
        if (type == Instant.class) {
            return since;
        }
        if (type == OffsetDateTime.class) {
            return since.atOffset(ZoneOffset.UTC);
        }
        if (type == ZonedDateTime.class) {
            return since.atZone(ZoneOffset.UTC);
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.ofInstant(since, zone);
        }
        if (type == LocalDate.class) {
            return LocalDate.ofInstant(since, zone);
        }
        if (type == java.sql.Timestamp.class) {
            return java.sql.Timestamp.from(since);
        }
        if (type == java.sql.Date.class) {
            return java.sql.Date.valueOf(LocalDate.ofInstant(since, zone));
        }
        if (type == java.util.Date.class) {
            return java.util.Date.from(since);
        }
        return null;
    }
}
