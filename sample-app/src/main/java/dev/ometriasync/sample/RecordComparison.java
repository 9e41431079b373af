package dev.ometriasync.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One entity's record as the database gives it (the full record its generated serializer writes from the
 * row) next to the record Ometria holds (the simulator's merged state), field by field.
 *
 * @param type the Ometria {@code @type}
 * @param collection the contact's {@code @collection}, else null
 * @param id the Ometria {@code id}
 * @param database the full record serialized from the database row
 * @param ometria the record Ometria holds, or null when it holds none (or cannot be read: a real account)
 */
record RecordComparison(String type, String collection, String id, ObjectNode database, ObjectNode ometria) {

    /** @return the top-level fields of both records, database order first */
    List<String> fieldNames() {
        Set<String> names = new LinkedHashSet<>();
        database.fieldNames().forEachRemaining(names::add);
        if (ometria != null) {
            ometria.fieldNames().forEachRemaining(names::add);
        }
        return new ArrayList<>(names);
    }

    /** @return the top-level fields whose values differ (all of them when Ometria holds no record) */
    List<String> differences() {
        List<String> differing = new ArrayList<>();
        for (String name : fieldNames()) {
            JsonNode ours = database.get(name);
            JsonNode theirs = ometria == null ? null : ometria.get(name);
            if (!JsonEquality.equal(ours, theirs)) {
                differing.add(name);
            }
        }
        return differing;
    }

    /** @return whether Ometria holds exactly the database's record */
    boolean matches() {
        return ometria != null && differences().isEmpty();
    }

    /** @return a short name such as {@code contact 301 (sample-shop)} or {@code product SKU-0007} */
    String label() {
        return type + " " + id + (collection == null ? "" : " (" + collection + ")");
    }
}
