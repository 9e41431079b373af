package dev.ometriasync.runtime;

import dev.ometriasync.schema.RecordType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small record factories for tests. */
final class Records {

    private Records() {
    }

    static OmetriaRecord contact(String id, String... fieldsAndJsonValues) {
        return record(RecordType.CONTACT, "webshop", id, fieldsAndJsonValues);
    }

    static OmetriaRecord product(String id, String... fieldsAndJsonValues) {
        return record(RecordType.PRODUCT, null, id, fieldsAndJsonValues);
    }

    static OmetriaRecord record(RecordType type, String collection, String id, String... fieldsAndJsonValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndJsonValues.length; i += 2) {
            fields.put(fieldsAndJsonValues[i], fieldsAndJsonValues[i + 1]);
        }
        return new OmetriaRecord(new RecordKey(type, collection, id), false, fields);
    }
}
