package dev.ometriasync.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The string an enum constant is written as, when it differs from the constant's name.
 *
 * <p>Any enum may be mapped to a string field. A field with a fixed set of values, such as
 * {@code marketing_optin} ({@code EXPLICITLY_OPTEDIN}, {@code EXPLICITLY_OPTEDOUT}, {@code NOT_SPECIFIED}) or
 * {@code gender} ({@code m}, {@code f}, {@code o}), accepts an enum only when every constant maps to one of
 * them: by an identical name, or through this annotation. A constant that maps to no allowed value is a
 * compile error on that constant, naming the allowed values. For other string fields and custom properties
 * the constant is written as this value, or as its {@code name()} without the annotation.
 *
 * <pre>{@code
 * public enum Consent {
 *     @OmetriaValue("EXPLICITLY_OPTEDIN") YES,
 *     @OmetriaValue("EXPLICITLY_OPTEDOUT") NO,
 *     @OmetriaValue("NOT_SPECIFIED") UNKNOWN
 * }
 * }</pre>
 *
 * <p>The generated serializer turns constants into values with a {@code switch}, without reflection; the
 * annotation is therefore kept in class files only (an enum compiled in another module is still checked),
 * not at run time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface OmetriaValue {

    /**
     * The string written for this constant.
     *
     * @return the Ometria value, such as {@code "EXPLICITLY_OPTEDIN"}
     */
    String value();
}
