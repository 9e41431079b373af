package dev.ometriasync.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of a record type or nested object, in Ometria's documented order.
 *
 * <p>{@link #required()} lists groups of fields of which at least one must be present for Ometria to use
 * the object (the runtime validator rejects an object missing one; the processor warns when no member
 * maps one). {@link #recommended()} lists groups Ometria needs for reporting or profile matching (the
 * processor warns; the validator does not check). {@link #neverDropped(String)} names the fields whose invalid
 * value rejects the whole record instead of being left out: consent and money, where a record sent without the
 * field would silently say something else than the application meant.
 */
public final class ObjectSpec {

    private final String name;
    private final Map<String, FieldSpec> fields;
    private final List<Set<String>> required;
    private final List<Set<String>> recommended;
    private final Set<String> neverDropped;

    ObjectSpec(String name, List<FieldSpec> fields, List<Set<String>> required, List<Set<String>> recommended) {
        this(name, fields, required, recommended, Set.of());
    }

    ObjectSpec(String name, List<FieldSpec> fields, List<Set<String>> required, List<Set<String>> recommended,
            Set<String> neverDropped) {
        this.name = Objects.requireNonNull(name, "name");
        Map<String, FieldSpec> byName = new LinkedHashMap<>();
        for (FieldSpec field : fields) {
            if (byName.put(field.name(), field) != null) {
                throw new IllegalArgumentException(name + ": duplicate field " + field.name());
            }
        }
        this.fields = Collections.unmodifiableMap(byName);
        this.required = List.copyOf(required);
        this.recommended = List.copyOf(recommended);
        for (String field : neverDropped) {
            if (!byName.containsKey(field)) {
                throw new IllegalArgumentException(name + ": never-dropped field " + field + " is not a field");
            }
        }
        this.neverDropped = Set.copyOf(neverDropped);
    }

    /**
     * A human-readable name, such as {@code contact} or {@code line item}.
     *
     * @return the name used in messages
     */
    public String name() {
        return name;
    }

    /**
     * Every field, in Ometria's documented order.
     *
     * @return the fields, unmodifiable
     */
    public List<FieldSpec> fields() {
        return List.copyOf(fields.values());
    }

    /**
     * The names of every field, in order.
     *
     * @return the field names, unmodifiable
     */
    public Set<String> fieldNames() {
        return fields.keySet();
    }

    /**
     * Looks up a direct field by its JSON name.
     *
     * @param fieldName the JSON field name
     * @return the field, or empty when this object has no such field
     */
    public Optional<FieldSpec> field(String fieldName) {
        return Optional.ofNullable(fields.get(fieldName));
    }

    /**
     * Resolves a dotted path such as {@code channels.sms.allow_marketing} through nested
     * {@link JsonType#OBJECT} fields.
     *
     * @param path a field name or dotted path
     * @return the field at the end of the path, or empty when any segment is unknown
     */
    public Optional<FieldSpec> resolve(String path) {
        ObjectSpec current = this;
        String[] segments = path.split("\\.", -1);
        for (int i = 0; i < segments.length; i++) {
            FieldSpec field = current.fields.get(segments[i]);
            if (field == null) {
                return Optional.empty();
            }
            if (i == segments.length - 1) {
                return Optional.of(field);
            }
            if (field.type() != JsonType.OBJECT) {
                return Optional.empty();
            }
            current = field.nested();
        }
        return Optional.empty();
    }

    /**
     * Every dotted path that names a leaf or a whole nested object, for "did you mean" suggestions.
     *
     * @return the paths, in order
     */
    public List<String> allPaths() {
        List<String> paths = new ArrayList<>();
        collectPaths("", paths);
        return paths;
    }

    private void collectPaths(String prefix, List<String> paths) {
        for (FieldSpec field : fields.values()) {
            String path = prefix + field.name();
            paths.add(path);
            if (field.type() == JsonType.OBJECT && field.nestedKind() == NestedKind.NONE) {
                field.nested().collectPaths(path + ".", paths);
            }
        }
    }

    /**
     * Groups of fields of which at least one must be present.
     *
     * @return the required groups
     */
    public List<Set<String>> required() {
        return required;
    }

    /**
     * Groups of fields of which at least one should be mapped.
     *
     * @return the recommended groups
     */
    public List<Set<String>> recommended() {
        return recommended;
    }

    /**
     * Whether an invalid value of this direct field rejects the record rather than being left out under the
     * invalid-field policy {@code DROP_FIELD}: consent fields ({@code marketing_optin}, {@code channels}, …) and
     * money fields (an order's amounts and currency, a line item's amounts). A record sent without such a field
     * would silently change what it says: an order without its currency, a contact without the opt-out it was
     * meant to carry.
     *
     * @param fieldName the JSON field name
     * @return true when the field is never dropped
     */
    public boolean neverDropped(String fieldName) {
        return neverDropped.contains(fieldName);
    }

    @Override
    public String toString() {
        return "ObjectSpec[" + name + "]";
    }
}
