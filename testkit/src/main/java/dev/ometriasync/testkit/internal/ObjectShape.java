package dev.ometriasync.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The known fields of one JSON object (a record type or a nested object), their rules, and which of them are
 * required. Unknown fields are tolerated unless the checker is strict: Ometria's field tables could not be read
 * in full, so the simulator must not refuse what Ometria may well accept.
 */
final class ObjectShape implements ValueRule {

    private final Map<String, ValueRule> fields = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();
    private final List<List<String>> requiredOneOf = new ArrayList<>();
    private boolean strict;

    ObjectShape field(String name, ValueRule rule) {
        fields.put(name, rule);
        return this;
    }

    ObjectShape fields(ValueRule rule, String... names) {
        for (String name : names) {
            fields.put(name, rule);
        }
        return this;
    }

    ObjectShape required(String name, ValueRule rule) {
        required.add(name);
        return field(name, rule);
    }

    /** At least one of the (already declared) fields must hold a value. */
    ObjectShape requiredOneOf(String... names) {
        requiredOneOf.add(List.of(names));
        return this;
    }

    ObjectShape strict(boolean reportUnknownFields) {
        this.strict = reportUnknownFields;
        return this;
    }

    Map<String, ValueRule> fields() {
        return Collections.unmodifiableMap(fields);
    }

    @Override
    public void check(JsonNode value, String path, List<RecordChecker.Problem> problems) {
        if (!value.isObject()) {
            problems.add(new RecordChecker.Problem(NOT_VALID, path));
            return;
        }
        for (String name : required) {
            if (isMissing(value.get(name))) {
                problems.add(new RecordChecker.Problem(REQUIRED, path + " > " + name));
            }
        }
        for (List<String> names : requiredOneOf) {
            if (names.stream().allMatch(name -> isMissing(value.get(name)))) {
                problems.add(new RecordChecker.Problem(REQUIRED + " (one of " + String.join(", ", names) + ")",
                        path + " > " + names.get(0)));
            }
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            ValueRule rule = fields.get(field.getKey());
            String fieldPath = path + " > " + field.getKey();
            if (rule == null) {
                if (strict) {
                    problems.add(new RecordChecker.Problem("unknown field", fieldPath));
                }
            } else if (!field.getValue().isNull()) {
                rule.check(field.getValue(), fieldPath, problems);
            }
        }
    }

    /** Every element must be an object of this shape. */
    ValueRule asArrayElements() {
        return (value, path, problems) -> {
            if (!value.isArray()) {
                problems.add(new RecordChecker.Problem(NOT_VALID, path));
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                JsonNode element = value.get(i);
                if (element.isNull()) {
                    problems.add(new RecordChecker.Problem(NOT_VALID, path + " > " + i));
                } else {
                    check(element, path + " > " + i, problems);
                }
            }
        };
    }

    private static boolean isMissing(JsonNode value) {
        return value == null || value.isNull();
    }
}
