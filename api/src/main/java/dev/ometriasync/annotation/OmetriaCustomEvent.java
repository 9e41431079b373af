package dev.ometriasync.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as an Ometria <em>custom event</em> ({@code "@type": "custom_event"}).
 *
 * <p>Custom events are append-only: they are sent when the entity is inserted, never on update or
 * delete. The event type must be configured in the Ometria account before it drives automations.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OmetriaCustomEvent {

    /**
     * The event type written as {@code event_type}; at most 32 characters (Ometria truncates longer
     * names), checked at compile time.
     *
     * @return the event type
     */
    String eventType();
}
