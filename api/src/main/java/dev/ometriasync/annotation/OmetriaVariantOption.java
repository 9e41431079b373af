package dev.ometriasync.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type as a line item's variant option, written inside {@code variant_options}. Ometria
 * expects all three of {@code id}, {@code type} (for example {@code size}) and {@code label}
 * (for example {@code M}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OmetriaVariantOption {
}
