package dev.ometriasync.hibernate.internal;

import dev.ometriasync.annotation.OmetriaField;
import java.beans.Introspector;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.math.BigDecimal;

/**
 * Finds the Java attribute mapped to Ometria's {@code id} (once, at start-up), and writes an old value of it as
 * the Ometria id text, the way the generated serializers write ids (strings as they are, numbers in plain
 * notation, enums by name, anything else through {@code toString()}).
 */
final class OmetriaIdAttribute {

    private OmetriaIdAttribute() {
    }

    /**
     * The attribute of a mapped class (or its superclasses) carrying {@code @OmetriaField("id")}.
     *
     * @param type the entity class
     * @return the attribute name, or null when none is found
     */
    static String of(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                OmetriaField mapping = field.getAnnotation(OmetriaField.class);
                if (mapping != null && "id".equals(mapping.value())) {
                    return field.getName();
                }
            }
            for (Method method : c.getDeclaredMethods()) {
                OmetriaField mapping = method.getAnnotation(OmetriaField.class);
                if (mapping != null && "id".equals(mapping.value()) && method.getParameterCount() == 0) {
                    return propertyName(method.getName());
                }
            }
        }
        return null;
    }

    /**
     * An attribute value as Ometria id text.
     *
     * @param value the value, or null
     * @return the text, or null for null or blank values
     */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text;
        if (value instanceof BigDecimal decimal) {
            text = decimal.toPlainString();
        } else if (value instanceof Enum<?> constant) {
            text = constant.name();
        } else {
            text = value.toString();
        }
        return text.isBlank() ? null : text;
    }

    private static String propertyName(String getter) {
        if (getter.startsWith("get") && getter.length() > 3) {
            return Introspector.decapitalize(getter.substring(3));
        }
        if (getter.startsWith("is") && getter.length() > 2) {
            return Introspector.decapitalize(getter.substring(2));
        }
        return getter; // a record component
    }
}
