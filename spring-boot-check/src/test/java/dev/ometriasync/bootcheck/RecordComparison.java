package dev.ometriasync.bootcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares the records the database says Ometria should hold with the records the simulator holds, field by
 * field: numbers by value ({@code 12.5} equals {@code 12.50}), timestamps by instant ({@code …Z} equals
 * {@code …+00:00}), object fields in any order, arrays in order, everything else exactly.
 */
final class RecordComparison {

    private RecordComparison() {
    }

    /**
     * @param type the Ometria record type, for the messages
     * @param expected records from the database
     * @param actual records the simulator holds
     * @return one line per difference; empty when Ometria holds exactly the database's records
     */
    static List<String> differences(String type, Collection<ObjectNode> expected, Collection<ObjectNode> actual) {
        Map<String, ObjectNode> want = byId(expected);
        Map<String, ObjectNode> have = byId(actual);
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> e : want.entrySet()) {
            ObjectNode in = have.get(e.getKey());
            if (in == null) {
                out.add(type + " " + e.getKey() + ": in the database, not in Ometria");
            } else {
                compare(type + " " + e.getKey(), e.getValue(), in, out);
            }
        }
        for (String id : have.keySet()) {
            if (!want.containsKey(id)) {
                out.add(type + " " + id + ": in Ometria, not in the database: " + have.get(id));
            }
        }
        return out;
    }

    private static Map<String, ObjectNode> byId(Collection<ObjectNode> records) {
        Map<String, ObjectNode> map = new LinkedHashMap<>();
        for (ObjectNode record : records) {
            map.put(record.path("id").asText(), record);
        }
        return map;
    }

    private static void compare(String path, JsonNode want, JsonNode have, List<String> out) {
        if (want.isObject() && have.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            want.fieldNames().forEachRemaining(names::add);
            have.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode w = want.get(name);
                JsonNode h = have.get(name);
                if (w == null) {
                    out.add(path + "." + name + ": database has no value, Ometria holds " + h);
                } else if (h == null) {
                    out.add(path + "." + name + ": database " + w + ", Ometria has no value");
                } else {
                    compare(path + "." + name, w, h, out);
                }
            }
        } else if (want.isArray() && have.isArray()) {
            if (want.size() != have.size()) {
                out.add(path + ": database has " + want.size() + " elements " + want + ", Ometria " + have.size() + " " + have);
                return;
            }
            for (int i = 0; i < want.size(); i++) {
                compare(path + "[" + i + "]", want.get(i), have.get(i), out);
            }
        } else if (!sameValue(want, have)) {
            out.add(path + ": database " + want + ", Ometria " + have);
        }
    }

    private static boolean sameValue(JsonNode want, JsonNode have) {
        if (want.isNumber() && have.isNumber()) {
            return want.decimalValue().compareTo(have.decimalValue()) == 0;
        }
        if (want.isTextual() && have.isTextual()) {
            OffsetDateTime a = timestamp(want.asText());
            OffsetDateTime b = timestamp(have.asText());
            if (a != null && b != null) {
                return a.toInstant().equals(b.toInstant());
            }
        }
        return Objects.equals(want, have);
    }

    private static OffsetDateTime timestamp(String text) {
        if (text.length() < 20 || text.charAt(4) != '-' || text.charAt(10) != 'T') {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
