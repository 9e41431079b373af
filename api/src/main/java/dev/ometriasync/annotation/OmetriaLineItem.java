package dev.ometriasync.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity or embeddable as an order line, written inside an order's {@code lineitems} array.
 *
 * <p>A line item has no record id of its own. It should map {@code product_id}, {@code quantity} and
 * one of {@code unit_price} / {@code subtotal}. When a line entity changes, the integration re-sends its
 * order with all of its lines.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OmetriaLineItem {
}
