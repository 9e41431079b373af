package dev.ometriasync.runtime.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ometriasync.schema.FieldSpec;
import dev.ometriasync.schema.JsonType;
import dev.ometriasync.schema.ObjectSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Walks a JSON value against the schema catalogue: JSON types, value formats, and the required groups of
 * nested objects (line items, variant options). Reports each problem with its path; never decides what to
 * do about it (that is {@link RecordValidator}'s job). Ids written as integral JSON numbers are rewritten as
 * strings, as Ometria's conventions ask and Ometria evidently accepts: never
 * refused, never dropped.
 */
final class ObjectChecker {

    private final Consumer<FieldProblem> problems;
    private final Consumer<String> unknownFields;
    private final Consumer<String> rewritten;

    /**
     * Creates a checker for one record.
     *
     * @param problems receives each problem
     * @param unknownFields receives the path of each field outside the catalogue
     * @param rewritten receives the path of each value rewritten in place (a numeric id written as a string)
     */
    ObjectChecker(Consumer<FieldProblem> problems, Consumer<String> unknownFields, Consumer<String> rewritten) {
        this.problems = problems;
        this.unknownFields = unknownFields;
        this.rewritten = rewritten;
    }

    /**
     * Checks one non-null value.
     *
     * @param value the value
     * @param spec its field in the catalogue
     * @param path its path, for messages
     * @param required whether its object cannot do without it, or must never be sent without it (consent and
     *        money fields): a problem then rejects the record
     * @param drop removes it from its parent (null for a top-level field)
     * @return the value to keep: {@code value}, or a string in place of an integral id
     */
    JsonNode checkValue(JsonNode value, FieldSpec spec, String path, boolean required, Runnable drop) {
        if (spec.isId() && spec.type() == JsonType.STRING && value.isIntegralNumber()) {
            rewritten.accept(path);
            return TextNode.valueOf(value.asText());
        }
        if (spec.isId() && spec.type() == JsonType.STRING_ARRAY && value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                if (value.get(i).isIntegralNumber()) {
                    ((ArrayNode) value).set(i, TextNode.valueOf(value.get(i).asText()));
                    rewritten.accept(path);
                }
            }
        }
        String problem = switch (spec.type()) {
            case STRING -> value.isTextual() ? ValueFormats.check(spec.format(), value.textValue()) : typeProblem("a string", value);
            case TIMESTAMP -> value.isTextual() ? ValueFormats.timestamp(value.textValue()) : typeProblem("an ISO-8601 date-time string", value);
            case DATE -> value.isTextual() ? ValueFormats.date(value.textValue()) : typeProblem("a YYYY-MM-DD date string", value);
            case NUMBER -> value.isNumber() ? null : typeProblem("a number", value);
            case BOOLEAN -> value.isBoolean() ? null : typeProblem("a boolean (true or false)", value);
            case STRING_ARRAY -> stringArrayProblem(value, spec);
            case FREE_OBJECT -> value.isObject() ? null : typeProblem("an object", value);
            case OBJECT -> value.isObject() ? null : typeProblem("an object (" + spec.nested().name() + ")", value);
            case OBJECT_ARRAY -> objectArrayProblem(value, spec.nested());
        };
        if (problem != null) {
            problems.accept(new FieldProblem(path, problem, required, drop));
            return value;
        }
        if (spec.type() == JsonType.OBJECT) {
            checkObject((ObjectNode) value, spec.nested(), path);
        } else if (spec.type() == JsonType.OBJECT_ARRAY) {
            for (int i = 0; i < value.size(); i++) {
                checkObject((ObjectNode) value.get(i), spec.nested(), path + "[" + i + "]");
            }
        }
        return value;
    }

    /**
     * Checks a nested object: each field, then its required groups (nested objects are always written
     * whole, so their required fields must always be there).
     */
    private void checkObject(ObjectNode object, ObjectSpec spec, String path) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(object.properties());
        Set<String> requiredButNull = new HashSet<>();
        for (Map.Entry<String, JsonNode> entry : entries) {
            String name = entry.getKey();
            String fieldPath = path + "." + name;
            var field = spec.field(name);
            if (field.isEmpty()) {
                unknownFields.accept(fieldPath);
                continue;
            }
            boolean required = isRequired(spec, name);
            if (entry.getValue().isNull()) {
                if (required && !otherwiseSatisfied(spec, name, object::hasNonNull)) {
                    requiredButNull.add(name);
                    problems.accept(new FieldProblem(fieldPath, "is null; a " + spec.name() + " requires it", true, null));
                }
                continue;
            }
            JsonNode kept = checkValue(entry.getValue(), field.get(), fieldPath, required || spec.neverDropped(name),
                    () -> object.remove(name));
            if (kept != entry.getValue()) {
                object.set(name, kept);
            }
        }
        for (Set<String> group : spec.required()) {
            // A required field that is null was reported as such; do not report its group as missing too.
            boolean present = group.stream().anyMatch(name -> object.hasNonNull(name) || requiredButNull.contains(name));
            if (!present) {
                problems.accept(new FieldProblem(path + "." + first(spec, group), missing(spec, group), true, null));
            }
        }
    }

    /**
     * Whether every required group holding a null field has another member with a value: a line item whose
     * {@code product_id} is null but which embeds its {@code product} has what it needs.
     */
    static boolean otherwiseSatisfied(ObjectSpec spec, String fieldName, java.util.function.Predicate<String> present) {
        for (Set<String> group : spec.required()) {
            if (group.contains(fieldName) && group.stream().noneMatch(other -> !other.equals(fieldName) && present.test(other))) {
                return false;
            }
        }
        return true;
    }

    static boolean isRequired(ObjectSpec spec, String fieldName) {
        return REQUIRED_NAMES.computeIfAbsent(spec, ObjectChecker::requiredNames).contains(fieldName);
    }

    /** Per catalogue object, every field named in a required group; the catalogue is a fixed set of constants. */
    private static final Map<ObjectSpec, Set<String>> REQUIRED_NAMES = new ConcurrentHashMap<>();

    private static Set<String> requiredNames(ObjectSpec spec) {
        Set<String> names = new HashSet<>();
        spec.required().forEach(names::addAll);
        return Set.copyOf(names);
    }

    /** The first field of a group in catalogue order, so messages are stable. */
    static String first(ObjectSpec spec, Set<String> group) {
        return spec.fieldNames().stream().filter(group::contains).findFirst().orElseThrow();
    }

    /** Such as {@code is missing; a line item requires 'unit_price' or 'subtotal'}. */
    static String missing(ObjectSpec spec, Set<String> group) {
        String required = group.size() == 1 ? "it" : spec.fieldNames().stream().filter(group::contains)
                .map(name -> "'" + name + "'").collect(Collectors.joining(" or "));
        return "is missing; a " + spec.name() + " requires " + required;
    }

    private static String stringArrayProblem(JsonNode value, FieldSpec spec) {
        if (!value.isArray()) {
            return typeProblem("an array of strings", value);
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                return "must be an array of strings, but element [" + i + "] is " + kind(value.get(i));
            }
            String problem = ValueFormats.check(spec.format(), value.get(i).textValue());
            if (problem != null) {
                return "element [" + i + "] " + problem;
            }
        }
        return null;
    }

    private static String objectArrayProblem(JsonNode value, ObjectSpec element) {
        if (!value.isArray()) {
            return typeProblem("an array of " + element.name() + " objects", value);
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isObject()) {
                return "must be an array of " + element.name() + " objects, but element [" + i + "] is " + kind(value.get(i));
            }
        }
        return null;
    }

    private static String typeProblem(String expected, JsonNode actual) {
        return "must be " + expected + ", not " + kind(actual);
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NULL, MISSING -> "null";
            case BINARY -> "binary data";
        };
    }
}
