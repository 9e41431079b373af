package dev.ometriasync.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The records Ometria would hold, with its push merge rules:
 * <ul>
 *   <li>records are keyed by {@code @type}, {@code id} and, for contacts only, {@code @collection}
 *       (absent collection = the empty string);</li>
 *   <li>a new key stores the record as sent; a known key merges per top-level field: a field present in the
 *       incoming record replaces the stored one, a field absent from it is kept;</li>
 *   <li>a JSON {@code null} deletes the stored field; the string {@code "null"} is stored as text;</li>
 *   <li>arrays and nested objects ({@code lineitems}, {@code properties}, {@code channels}, addresses) are
 *       replaced whole, never merged key by key (assumption: Ometria documents the whole replacement only for
 *       product {@code attributes}; the library's coalescing follows the same rule).</li>
 * </ul>
 * Accessors return deep copies, so tests cannot change the stored state by accident. Thread-safe.
 */
public final class RecordStore {

    /** The identity of a stored record. */
    public record Key(String type, String collection, String id) {
        public Key {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(id, "id");
            collection = "contact".equals(type) && collection != null ? collection : "";
        }

        /** @return the key of a record that passed intake (string {@code @type} and {@code id}) */
        static Key of(JsonNode record) {
            JsonNode collection = record.get("@collection");
            return new Key(record.get("@type").asText(),
                    collection != null && collection.isTextual() ? collection.asText() : null,
                    record.get("id").asText());
        }
    }

    private final Map<Key, ObjectNode> records = new LinkedHashMap<>();

    /** Creates the record or merges it into the stored one. */
    public synchronized void merge(ObjectNode incoming) {
        Key key = Key.of(incoming);
        ObjectNode stored = records.get(key);
        if (stored == null) {
            stored = incoming.objectNode();
            records.put(key, stored);
        }
        for (Map.Entry<String, JsonNode> field : incoming.properties()) {
            if (field.getValue().isNull()) {
                stored.remove(field.getKey());
            } else {
                stored.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }

    /** @return a copy of the stored record, or null */
    public synchronized ObjectNode get(Key key) {
        ObjectNode stored = records.get(key);
        return stored == null ? null : stored.deepCopy();
    }

    /**
     * @return copies of the stored custom events that name no contact ({@code identity_email},
     *     {@code identity_account_id}, {@code profile_id}): Ometria keeps them but ties them to no one
     */
    public synchronized List<ObjectNode> eventsWithoutContact() {
        List<ObjectNode> copies = new ArrayList<>();
        records.forEach((key, record) -> {
            if (key.type().equals("custom_event") && !RecordChecker.hasIdentity(record)) {
                copies.add(record.deepCopy());
            }
        });
        return copies;
    }

    /** @return copies of every stored record of a type, in order of first arrival */
    public synchronized List<ObjectNode> all(String type) {
        List<ObjectNode> copies = new ArrayList<>();
        records.forEach((key, record) -> {
            if (key.type().equals(type)) {
                copies.add(record.deepCopy());
            }
        });
        return copies;
    }

    public synchronized int count() {
        return records.size();
    }

    public synchronized int count(String type) {
        return (int) records.keySet().stream().filter(key -> key.type().equals(type)).count();
    }

    public synchronized void clear() {
        records.clear();
    }
}
