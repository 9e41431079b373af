package dev.ometriasync.runtime;

import dev.ometriasync.annotation.OmetriaContact;
import dev.ometriasync.annotation.OmetriaCustomEvent;
import dev.ometriasync.annotation.OmetriaOrder;
import dev.ometriasync.annotation.OmetriaProduct;
import dev.ometriasync.spi.OmetriaSerializer;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Optional;

/**
 * Finds the generated serializer of an entity class. The serializer of a class annotated with a record
 * annotation is {@code <binary name>OmetriaSerializer} in the same package, loaded through the class's
 * own class loader. The lookup walks up from the given class to the class carrying the annotation, so
 * Hibernate proxies and entity subclasses find their annotated ancestor's serializer. Results are cached
 * per class.
 */
public final class OmetriaSerializers {

    /** The type-level annotations that make a class an Ometria record. */
    public static final List<Class<? extends Annotation>> RECORD_ANNOTATIONS =
            List.of(OmetriaContact.class, OmetriaOrder.class, OmetriaProduct.class, OmetriaCustomEvent.class);

    /** The suffix appended to the entity's binary name. */
    public static final String SUFFIX = "OmetriaSerializer";

    private static final ClassValue<Optional<OmetriaSerializer<?>>> CACHE = new ClassValue<>() {
        @Override
        protected Optional<OmetriaSerializer<?>> computeValue(Class<?> type) {
            return Optional.ofNullable(annotatedClass(type)).map(OmetriaSerializers::instantiate);
        }
    };

    private OmetriaSerializers() {
    }

    /**
     * The serializer for a class or any of its subclasses and proxies.
     *
     * @param type the entity class, or a subclass or proxy of it
     * @return the serializer, or empty when neither the class nor a superclass carries a record annotation
     * @throws IllegalStateException when the class is annotated but its serializer was not generated
     *     (the annotation processor is missing from the build)
     */
    public static Optional<OmetriaSerializer<?>> find(Class<?> type) {
        return CACHE.get(type);
    }

    /**
     * The serializer for an entity instance.
     *
     * @param entity the entity
     * @param <T> the entity type
     * @return the serializer
     * @throws IllegalArgumentException when the entity's class carries no record annotation
     * @throws IllegalStateException when the serializer was not generated
     */
    @SuppressWarnings("unchecked")
    public static <T> OmetriaSerializer<T> of(T entity) {
        Class<?> type = entity.getClass();
        return (OmetriaSerializer<T>) find(type).orElseThrow(() -> new IllegalArgumentException(
                type.getName() + " is not an Ometria record: annotate it (or a superclass) with @OmetriaContact, "
                        + "@OmetriaOrder, @OmetriaProduct or @OmetriaCustomEvent"));
    }

    /**
     * The class that carries the record annotation: the given class or its nearest annotated superclass.
     *
     * @param type the class to start from
     * @return the annotated class, or null
     */
    public static Class<?> annotatedClass(Class<?> type) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Class<? extends Annotation> annotation : RECORD_ANNOTATIONS) {
                if (current.isAnnotationPresent(annotation)) {
                    return current;
                }
            }
        }
        return null;
    }

    private static OmetriaSerializer<?> instantiate(Class<?> annotated) {
        String name = annotated.getName() + SUFFIX;
        try {
            Class<?> serializerClass = Class.forName(name, true, annotated.getClassLoader());
            return (OmetriaSerializer<?>) serializerClass.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("No generated serializer " + name + " for " + annotated.getName()
                    + ": add ometria-sync-processor to the compiler's annotationProcessorPaths and rebuild", e);
        } catch (ReflectiveOperationException | ClassCastException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalStateException("Cannot create serializer " + name + ": " + cause, cause);
        }
    }
}
