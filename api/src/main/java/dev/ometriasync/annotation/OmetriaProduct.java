package dev.ometriasync.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as an Ometria <em>product</em> ({@code "@type": "product"}).
 *
 * <p>A product needs a member mapped to {@code id}. An order line's {@code product_id} may be given as
 * a reference to a product entity; the line then carries that product's Ometria {@code id}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OmetriaProduct {

    /**
     * What to send when the entity is deleted. Ometria documents no delete for products; marking the
     * product {@code is_active: false} keeps it out of recommendations and campaigns.
     *
     * @return the delete policy; {@link DeletePolicy#IGNORE} by default
     */
    DeletePolicy onDelete() default DeletePolicy.IGNORE;
}
