package dev.ometriasync.schema;

import java.util.Objects;

/**
 * One field of a record type or nested object.
 *
 * @param name the JSON field name, such as {@code email} or {@code @force_optin}
 * @param type the JSON shape Ometria expects
 * @param format a value constraint beyond the JSON type
 * @param nestedKind which annotated Java type may supply the value, for nested objects and product references
 * @param nested the fields of the nested object, for {@link JsonType#OBJECT} and {@link JsonType#OBJECT_ARRAY}; else {@code null}
 */
public record FieldSpec(String name, JsonType type, FieldFormat format, NestedKind nestedKind, ObjectSpec nested) {

    /**
     * Checks the parts are consistent.
     *
     * @param name the JSON field name
     * @param type the JSON type
     * @param format the value constraint
     * @param nestedKind the nested kind
     * @param nested the nested object's spec
     */
    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(nestedKind, "nestedKind");
        boolean structured = type == JsonType.OBJECT || type == JsonType.OBJECT_ARRAY;
        if (structured != (nested != null)) {
            throw new IllegalArgumentException("field " + name + ": nested spec must be given exactly for OBJECT and OBJECT_ARRAY");
        }
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
