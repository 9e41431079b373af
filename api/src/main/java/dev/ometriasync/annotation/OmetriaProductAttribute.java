package dev.ometriasync.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type as a product attribute, written inside a product's {@code attributes}:
 * {@code {"type": "colour", "id": "12", "label": "Red"}} for a value chosen from a list, or
 * {@code {"type": "material", "value": "cotton", "label": "Cotton"}} for a free value. Ometria's recommendations and
 * filters use them; it expects a {@code type} and one of {@code id} or {@code value}. With {@code @merge}, Ometria
 * replaces a product's attributes whole, so map the complete set.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OmetriaProductAttribute {
}
