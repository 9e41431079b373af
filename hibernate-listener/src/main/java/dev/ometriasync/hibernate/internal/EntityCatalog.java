package dev.ometriasync.hibernate.internal;

import dev.ometriasync.annotation.DeletePolicy;
import dev.ometriasync.annotation.OmetriaLineItem;
import dev.ometriasync.annotation.OmetriaOrder;
import dev.ometriasync.annotation.OmetriaProduct;
import dev.ometriasync.runtime.OmetriaSerializers;
import dev.ometriasync.spi.OmetriaSerializer;
import dev.ometriasync.schema.RecordType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.OneToMany;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.ToOne;
import org.hibernate.mapping.Value;

/**
 * Which entity types are captured, built once from the boot metadata: record types with their generated
 * serializers, and line-item entities with the way to their order. Building it fails when an annotated
 * entity has no generated serializer, naming every such entity.
 */
final class EntityCatalog {

    private final Map<String, CapturedType> types;
    private final Map<String, List<LineItemLink>> lineItems;
    private final Map<String, String> collectionRoles;

    private EntityCatalog(Map<String, CapturedType> types, Map<String, List<LineItemLink>> lineItems,
            Map<String, String> collectionRoles) {
        this.types = types;
        this.lineItems = lineItems;
        this.collectionRoles = collectionRoles;
    }

    /**
     * Builds the catalog.
     *
     * @param metadata the boot metadata
     * @param config the settings (delete policy overrides)
     * @return the catalog
     * @throws IllegalStateException when a serializer is missing
     */
    @SuppressWarnings("unchecked")
    static EntityCatalog build(Metadata metadata, OmetriaConfig config) {
        Map<String, CapturedType> types = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            Class<?> mapped = entity.getMappedClass();
            if (mapped == null || OmetriaSerializers.annotatedClass(mapped) == null) {
                continue;
            }
            OmetriaSerializer<Object> serializer;
            try {
                serializer = (OmetriaSerializer<Object>) OmetriaSerializers.find(mapped).orElseThrow();
            } catch (IllegalStateException e) {
                missing.add(entity.getEntityName() + ": " + e.getMessage());
                continue;
            }
            types.put(entity.getEntityName(), new CapturedType(entity.getEntityName(), mapped, serializer,
                    deletePolicy(mapped, serializer.recordType(), config), OmetriaIdAttribute.of(mapped)));
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("ometria-sync cannot start: annotated entities without a generated serializer"
                    + " (is ometria-sync-processor in the compiler's annotationProcessorPaths?):\n  - "
                    + String.join("\n  - ", missing));
        }
        Map<String, List<LineItemLink>> lineItems = new LinkedHashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            Class<?> mapped = entity.getMappedClass();
            if (mapped == null || !hasLineItemAnnotation(mapped)) {
                continue;
            }
            List<LineItemLink> links = new ArrayList<>();
            for (Property property : entity.getPropertyClosure()) {
                if (property.getValue() instanceof ToOne toOne) {
                    CapturedType owner = types.get(toOne.getReferencedEntityName());
                    if (owner != null && owner.recordType() == RecordType.ORDER) {
                        Set<String> attributes = lineAttributes(metadata.getEntityBinding(owner.entityName()), entity, owner);
                        if (!attributes.isEmpty()) {
                            links.add(new LineItemLink(property.getName(), owner.entityName(), attributes));
                        }
                    }
                }
            }
            if (!links.isEmpty()) {
                lineItems.put(entity.getEntityName(), List.copyOf(links));
            }
        }
        Map<String, String> roles = new LinkedHashMap<>();
        for (CapturedType type : types.values()) {
            for (Property property : metadata.getEntityBinding(type.entityName()).getPropertyClosure()) {
                collectRoles(property.getName(), property.getValue(), roles);
            }
        }
        return new EntityCatalog(Collections.unmodifiableMap(types), Collections.unmodifiableMap(lineItems),
                Collections.unmodifiableMap(roles));
    }

    /** Maps each collection role under a top-level attribute (also inside embeddables) to that attribute. */
    private static void collectRoles(String topLevel, Value value, Map<String, String> roles) {
        if (value instanceof org.hibernate.mapping.Collection collection) {
            roles.put(collection.getRole(), topLevel);
        } else if (value instanceof Component component) {
            for (Property nested : component.getProperties()) {
                collectRoles(topLevel, nested.getValue(), roles);
            }
        }
    }

    private static boolean hasLineItemAnnotation(Class<?> type) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            if (current.isAnnotationPresent(OmetriaLineItem.class)) {
                return true;
            }
        }
        return false;
    }

    /** The order's collection attributes whose elements are the line entity (or a supertype of it), and that the serializer reads. */
    private static Set<String> lineAttributes(PersistentClass order, PersistentClass line, CapturedType owner) {
        Set<String> lineNames = new LinkedHashSet<>();
        for (PersistentClass current = line; current != null; current = current.getSuperclass()) {
            lineNames.add(current.getEntityName());
        }
        Set<String> attributes = new LinkedHashSet<>();
        for (Property property : order.getPropertyClosure()) {
            if (property.getValue() instanceof org.hibernate.mapping.Collection collection
                    && collection.getElement() instanceof OneToMany oneToMany
                    && lineNames.contains(oneToMany.getReferencedEntityName())
                    && owner.mappedProperties().contains(property.getName())) {
                attributes.add(property.getName());
            }
        }
        return attributes;
    }

    private static DeletePolicy deletePolicy(Class<?> mapped, RecordType recordType, OmetriaConfig config) {
        Class<?> annotated = OmetriaSerializers.annotatedClass(mapped);
        return switch (recordType) {
            case ORDER -> config.orderDeletePolicy() != null ? config.orderDeletePolicy()
                    : annotated.getAnnotation(OmetriaOrder.class).onDelete();
            case PRODUCT -> config.productDeletePolicy() != null ? config.productDeletePolicy()
                    : annotated.getAnnotation(OmetriaProduct.class).onDelete();
            default -> DeletePolicy.IGNORE;
        };
    }

    /**
     * The captured type of an entity name.
     *
     * @param entityName Hibernate's entity name
     * @return the type, or null when the entity is not an Ometria record
     */
    CapturedType type(String entityName) {
        return types.get(entityName);
    }

    /**
     * The links of a line-item entity to its orders.
     *
     * @param entityName Hibernate's entity name
     * @return the links, empty when the entity is not a line item of a captured order
     */
    List<LineItemLink> lineItemLinks(String entityName) {
        return lineItems.getOrDefault(entityName, List.of());
    }

    /**
     * The top-level attribute of a captured entity that holds a collection.
     *
     * @param role the collection role
     * @return the attribute name, or null when the collection does not belong to a captured entity
     */
    String topLevelAttribute(String role) {
        return collectionRoles.get(role);
    }

    Collection<CapturedType> types() {
        return types.values();
    }

    int lineItemTypeCount() {
        return lineItems.size();
    }

    boolean isEmpty() {
        return types.isEmpty();
    }
}
