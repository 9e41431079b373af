package dev.ometriasync.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type as a product's listing in one store, written inside the product's store listings: per-store
 * overrides of title, URL, image, price, sale price, currency and {@code is_active}. Ometria recommends sending a
 * listing with every new product (price-drop campaigns need it); each listing needs its {@code store_id}. The key
 * the listings are written under is {@code dev.ometriasync.schema.OmetriaSchema#PRODUCT_LISTINGS}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OmetriaProductListing {
}
