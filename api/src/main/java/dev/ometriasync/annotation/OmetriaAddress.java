package dev.ometriasync.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type (usually a JPA embeddable or a Java record) as a postal address, written as an order's
 * {@code shipping_address} or {@code billing_address}. Fields: {@code firstname}, {@code lastname},
 * {@code city}, {@code state}, {@code postcode}, {@code country_code}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OmetriaAddress {
}
