package dev.ometriasync.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as an Ometria <em>contact</em> listing ({@code "@type": "contact"}).
 *
 * <p>A contact needs a member mapped to {@code id} (the listing id, unique within its collection and
 * free of personal data) and should map {@code email} or {@code customer_id}, which Ometria uses to
 * cluster listings into profiles.
 *
 * <pre>{@code
 * @Entity
 * @OmetriaContact(collection = "webshop")
 * public class Customer {
 *     @Id @OmetriaField("id") private Long id;
 *     @OmetriaField("email") private String email;
 *     ...
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OmetriaContact {

    /**
     * The Ometria collection the listing belongs to, written as {@code @collection} in every record,
     * full or partial. Ometria recommends one collection per data source. Empty means no collection.
     *
     * @return the collection name, or {@code ""} for none
     */
    String collection() default "";
}
