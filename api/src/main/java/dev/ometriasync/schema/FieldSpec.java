package dev.ometriasync.schema;

import java.util.List;
import java.util.Objects;

/**
 * One field of a record type or nested object.
 *
 * @param name the JSON field name, such as {@code email} or {@code @force_optin}
 * @param type the JSON shape Ometria expects
 * @param format a value constraint beyond the JSON type
 * @param nestedKind which annotated Java type may supply the value, for nested objects and product references
 * @param nested the fields of the nested object, for {@link JsonType#OBJECT} and {@link JsonType#OBJECT_ARRAY}; else {@code null}
 * @param allowedValues the fixed set of values a string field takes, such as {@code marketing_optin}'s; empty
 *     for free text. The processor accepts an enum for such a field only when each constant maps to one of them.
 */
public record FieldSpec(String name, JsonType type, FieldFormat format, NestedKind nestedKind, ObjectSpec nested,
                        List<String> allowedValues) {

    /**
     * Checks the parts are consistent.
     *
     * @param name the JSON field name
     * @param type the JSON type
     * @param format the value constraint
     * @param nestedKind the nested kind
     * @param nested the nested object's spec
     * @param allowedValues the fixed values of a string field, or empty
     */
    public FieldSpec {
        allowedValues = List.copyOf(Objects.requireNonNull(allowedValues, "allowedValues"));
        if (!allowedValues.isEmpty() && type != JsonType.STRING) {
            throw new IllegalArgumentException("field " + name + ": only string fields have a fixed set of values");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(nestedKind, "nestedKind");
        boolean structured = type == JsonType.OBJECT || type == JsonType.OBJECT_ARRAY;
        if (structured != (nested != null)) {
            throw new IllegalArgumentException("field " + name + ": nested spec must be given exactly for OBJECT and OBJECT_ARRAY");
        }
    }

    /**
     * A field without a fixed set of values.
     *
     * @param name the JSON field name
     * @param type the JSON type
     * @param format the value constraint
     * @param nestedKind the nested kind
     * @param nested the nested object's spec
     */
    public FieldSpec(String name, JsonType type, FieldFormat format, NestedKind nestedKind, ObjectSpec nested) {
        this(name, type, format, nestedKind, nested, List.of());
    }

    static FieldSpec oneOf(String name, FieldFormat format, List<String> values) {
        return new FieldSpec(name, JsonType.STRING, format, NestedKind.NONE, null, values);
    }

    /**
     * Whether the field takes only the values of {@link #allowedValues()}.
     *
     * @return true for a fixed value set
     */
    public boolean hasFixedValues() {
        return !allowedValues.isEmpty();
    }

    static FieldSpec of(String name, JsonType type) {
        return new FieldSpec(name, type, FieldFormat.NONE, NestedKind.NONE, null);
    }

    static FieldSpec of(String name, JsonType type, FieldFormat format) {
        return new FieldSpec(name, type, format, NestedKind.NONE, null);
    }

    /**
     * Whether this field holds an id (a record id, or a reference to another record's id).
     *
     * @return true for {@link FieldFormat#ID}
     */
    public boolean isId() {
        return format == FieldFormat.ID;
    }
}
