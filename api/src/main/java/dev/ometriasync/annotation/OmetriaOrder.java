package dev.ometriasync.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as an Ometria <em>order</em> ({@code "@type": "order"}).
 *
 * <p>An order needs a member mapped to {@code id} and should map {@code timestamp},
 * {@code grand_total} and {@code currency} (the processor warns when one is missing, and fails in
 * strict mode). Nested objects: {@code customer} (an {@link OmetriaContact} type),
 * {@code shipping_address} / {@code billing_address} ({@link OmetriaAddress} types) and
 * {@code lineitems} (a collection of an {@link OmetriaLineItem} type).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OmetriaOrder {

    /**
     * What to send when the entity is deleted. Ometria documents no delete for orders; marking the
     * order {@code is_valid: false} removes its revenue from reporting.
     *
     * @return the delete policy; {@link DeletePolicy#IGNORE} by default
     */
    DeletePolicy onDelete() default DeletePolicy.IGNORE;
}
