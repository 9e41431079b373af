package dev.ometriasync.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Writes a field or getter as a custom value under the record's {@code properties} object, for
 * contacts, orders, line items and custom events. A whole {@code Map<String, ?>} may instead be mapped
 * with {@code @OmetriaField("properties")}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface OmetriaProperty {

    /**
     * The key under {@code properties}; must not be blank.
     *
     * @return the property name
     */
    String value();
}
