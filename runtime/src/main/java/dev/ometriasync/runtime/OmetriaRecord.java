package dev.ometriasync.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ometriasync.schema.OmetriaSchema;
import dev.ometriasync.schema.RecordType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One Ometria record on its way to the push endpoint: its key, whether it is a full record or a
 * partial update, and its top-level fields as raw JSON values in the order they were written.
 *
 * <p>Records are immutable. {@link #mergedWith(OmetriaRecord)} implements the pipeline's coalescing rule,
 * which is Ometria's own merge rule: per top-level field, the later value wins; a nested object or array
 * is replaced whole; a full record replaces whatever came before.
 */
public final class OmetriaRecord {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final RecordKey key;
    private final boolean full;
    private final Map<String, String> fields;

    /**
     * Creates a record.
     *
     * @param key the record's key
     * @param full true for a full record, false for a partial update
     * @param fields top-level field name → raw JSON value, without {@code @type}, {@code @collection} and {@code id}
     */
    public OmetriaRecord(RecordKey key, boolean full, Map<String, String> fields) {
        this.key = Objects.requireNonNull(key, "key");
        this.full = full;
        Map<String, String> copy = new LinkedHashMap<>(fields);
        for (String reserved : OmetriaSchema.KEY_FIELDS) {
            if (copy.containsKey(reserved)) {
                throw new IllegalArgumentException("field " + reserved + " belongs in the record key, not in the fields");
            }
        }
        this.fields = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses a record written by a serializer (one JSON object with {@code @type} and {@code id}).
     *
     * @param json the record's JSON
     * @param full whether it is a full record
     * @return the record
     * @throws IllegalArgumentException when the JSON is not an object with {@code @type} and a string {@code id}
     */
    public static OmetriaRecord parse(String json, boolean full) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("An Ometria record must be a JSON object");
            }
            String type = null;
            String collection = null;
            String id = null;
            Map<String, String> fields = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "@type" -> type = parser.getValueAsString();
                    case "@collection" -> collection = value == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
                    case "id" -> id = value == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
                    default -> fields.put(name, rawValue(json, parser));
                }
            }
            if (type == null) {
                throw new IllegalArgumentException("The record has no @type");
            }
            if (id == null) {
                throw new IllegalArgumentException("The " + type + " record has no id");
            }
            return new OmetriaRecord(new RecordKey(RecordType.fromJsonName(type), collection, id), full, fields);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String rawValue(String json, JsonParser parser) throws IOException {
        int start = (int) parser.currentTokenLocation().getCharOffset();
        if (parser.currentToken().isStructStart()) {
            parser.skipChildren();
        } else {
            // Scalars are decoded lazily: finish the token so the location is past its end.
            parser.finishToken();
        }
        int end = (int) parser.currentLocation().getCharOffset();
        return json.substring(start, end);
    }

    /**
     * The record's key.
     *
     * @return type, collection and id
     */
    public RecordKey key() {
        return key;
    }

    /**
     * The record type.
     *
     * @return the type
     */
    public RecordType type() {
        return key.type();
    }

    /**
     * The record id.
     *
     * @return the id
     */
    public String id() {
        return key.id();
    }

    /**
     * The contact collection.
     *
     * @return the collection, or null
     */
    public String collection() {
        return key.collection();
    }

    /**
     * Whether this is a full record (a create, or a re-send of everything) rather than a partial update.
     *
     * @return true for a full record
     */
    public boolean isFull() {
        return full;
    }

    /**
     * The top-level fields other than {@code @type}, {@code @collection} and {@code id}.
     *
     * @return field name → raw JSON value, in write order, unmodifiable
     */
    public Map<String, String> fields() {
        return fields;
    }

    /**
     * Coalesces a newer record for the same key into this one.
     *
     * @param newer the later record
     * @return {@code newer} when it is full; otherwise this record's fields overwritten by the newer ones
     * @throws IllegalArgumentException when the keys differ
     */
    public OmetriaRecord mergedWith(OmetriaRecord newer) {
        if (!key.equals(newer.key)) {
            throw new IllegalArgumentException("cannot merge " + newer.key + " into " + key);
        }
        if (newer.full) {
            return newer;
        }
        Map<String, String> merged = new LinkedHashMap<>(fields);
        merged.putAll(newer.fields);
        return new OmetriaRecord(key, full, merged);
    }

    /**
     * Writes the record as one JSON object.
     *
     * @param generator where to write
     * @throws IOException when the generator fails
     */
    public void writeTo(JsonGenerator generator) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("@type", key.type().jsonName());
        if (key.collection() != null) {
            generator.writeStringField("@collection", key.collection());
        }
        generator.writeStringField("id", key.id());
        for (Map.Entry<String, String> field : fields.entrySet()) {
            generator.writeFieldName(field.getKey());
            generator.writeRawValue(field.getValue());
        }
        generator.writeEndObject();
    }

    /**
     * The record as compact JSON.
     *
     * @return the JSON object
     */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            writeTo(generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OmetriaRecord that
                && key.equals(that.key) && full == that.full && fields.equals(that.fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, full, fields);
    }

    /** Names the record and its field names only: values may hold personal data. */
    @Override
    public String toString() {
        return (full ? "full " : "partial ") + key + " " + fields.keySet();
    }
}
