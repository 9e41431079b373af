package dev.ometriasync.benchmarks.soak.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares what Ometria holds with what the database says it must hold, record by record and field by field:
 * <ul>
 *   <li>every entity of the database is in Ometria ({@link Mismatch.Kind#LOST} otherwise), each mapped field equal
 *       ({@link Mismatch.Kind#FIELD_DIFFERS}), and no field there that the database has as null
 *       ({@link Mismatch.Kind#FIELD_NOT_IN_DATABASE}; a JSON null sent for a cleared field deletes it in Ometria);</li>
 *   <li>a deleted order holds {@code is_valid: false} and a deleted product {@code is_active: false} (their
 *       {@code DEACTIVATE} policy); a deleted contact is not compared (contacts are never deleted in Ometria, and
 *       which past state it keeps depends on what was sent before the delete committed);</li>
 *   <li>Ometria holds nothing else ({@link Mismatch.Kind#PHANTOM}): nothing rolled back was sent.</li>
 * </ul>
 * Values compare by meaning where Ometria's form may differ from the database's: numbers numerically
 * ({@code 10.5} equals {@code 10.50}), timestamps as instants ({@code Z} equals {@code +00:00}).
 */
public final class StateCheck {

    /** Fields Ometria's records carry that are addressing, not data. */
    private static final Set<String> ADDRESSING = Set.of("@type", "@collection", "@merge");

    private StateCheck() {
    }

    /**
     * @param expected what the database says
     * @param ometria every record Ometria holds of the compared types, by key
     * @return the verdict
     */
    public static StateCheckResult compare(ExpectedState expected, Map<OmetriaKey, ObjectNode> ometria) {
        List<Mismatch> mismatches = new ArrayList<>();
        int equal = 0;
        for (Map.Entry<OmetriaKey, ObjectNode> entry : expected.live().entrySet()) {
            OmetriaKey key = entry.getKey();
            ObjectNode actual = ometria.get(key);
            if (actual == null) {
                mismatches.add(new Mismatch(Mismatch.Kind.LOST, key, null, "present", "absent"));
                continue;
            }
            int before = mismatches.size();
            compareObjects(key, "", entry.getValue(), actual, mismatches);
            if (mismatches.size() == before) {
                equal++;
            }
        }
        int deactivated = 0;
        int deletedContacts = 0;
        for (OmetriaKey key : expected.deleted()) {
            String flag = switch (key.type()) {
                case "order" -> "is_valid";
                case "product" -> "is_active";
                default -> null;
            };
            if (flag == null) {
                deletedContacts++;
                continue;
            }
            ObjectNode actual = ometria.get(key);
            JsonNode value = actual == null ? null : actual.get(flag);
            if (value != null && value.isBoolean() && !value.booleanValue()) {
                deactivated++;
            } else {
                mismatches.add(new Mismatch(Mismatch.Kind.NOT_DEACTIVATED, key, flag, "false",
                        actual == null ? "(no record)" : String.valueOf(value)));
            }
        }
        Set<OmetriaKey> phantoms = new TreeSet<>(ometria.keySet());
        phantoms.removeAll(expected.live().keySet());
        phantoms.removeAll(expected.deleted());
        for (OmetriaKey key : phantoms) {
            mismatches.add(new Mismatch(Mismatch.Kind.PHANTOM, key, null, "no row, no delete", ometria.get(key).toString()));
        }
        return new StateCheckResult(expected.live().size(), equal, deactivated, deletedContacts,
                Collections.unmodifiableList(mismatches));
    }

    private static void compareObjects(OmetriaKey key, String path, JsonNode expected, JsonNode actual,
                                       List<Mismatch> mismatches) {
        for (Map.Entry<String, JsonNode> field : expected.properties()) {
            if (field.getValue().isNull()) {
                continue;
            }
            String at = path + field.getKey();
            JsonNode value = actual.get(field.getKey());
            if (value == null || value.isNull()) {
                mismatches.add(new Mismatch(Mismatch.Kind.FIELD_DIFFERS, key, at, field.getValue().toString(), "absent"));
            } else {
                compareValues(key, at, field.getValue(), value, mismatches);
            }
        }
        Iterator<String> names = actual.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode wanted = expected.get(name);
            if ((wanted == null || wanted.isNull()) && !(path.isEmpty() && ADDRESSING.contains(name))) {
                mismatches.add(new Mismatch(Mismatch.Kind.FIELD_NOT_IN_DATABASE, key, path + name, "null",
                        actual.get(name).toString()));
            }
        }
    }

    private static void compareValues(OmetriaKey key, String path, JsonNode expected, JsonNode actual,
                                      List<Mismatch> mismatches) {
        if (expected.isObject() && actual.isObject()) {
            compareObjects(key, path + ".", expected, actual, mismatches);
        } else if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                mismatches.add(new Mismatch(Mismatch.Kind.FIELD_DIFFERS, key, path, expected.size() + " elements "
                        + expected, actual.size() + " elements " + actual));
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compareValues(key, path + "[" + i + "]", expected.get(i), actual.get(i), mismatches);
            }
        } else if (!sameValue(expected, actual)) {
            mismatches.add(new Mismatch(Mismatch.Kind.FIELD_DIFFERS, key, path, expected.toString(), actual.toString()));
        }
    }

    /** @return whether two scalars mean the same: numbers numerically, timestamps as instants, else exactly */
    static boolean sameValue(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (expected.isNumber() && actual.isTextual() || expected.isTextual() && actual.isNumber()) {
            return false;
        }
        if (expected.isTextual() && actual.isTextual()) {
            String wanted = expected.textValue();
            String got = actual.textValue();
            if (wanted.equals(got)) {
                return true;
            }
            OffsetDateTime wantedTime = timestamp(wanted);
            OffsetDateTime gotTime = timestamp(got);
            return wantedTime != null && gotTime != null && wantedTime.toInstant().equals(gotTime.toInstant());
        }
        return expected.equals(actual);
    }

    private static OffsetDateTime timestamp(String text) {
        if (text.length() < 20 || text.charAt(10) != 'T') {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
