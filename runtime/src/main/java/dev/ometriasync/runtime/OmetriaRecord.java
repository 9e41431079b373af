package dev.ometriasync.runtime;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ometriasync.runtime.internal.record.EncodedRecord;
import dev.ometriasync.runtime.internal.record.RecordAccess;
import dev.ometriasync.runtime.internal.record.RecordEncoder;
import dev.ometriasync.schema.OmetriaSchema;
import dev.ometriasync.schema.RecordType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * One Ometria record on its way to the push endpoint: its key, whether it is a full record or a
 * partial update, and its top-level fields as raw JSON values in the order they were written.
 *
 * <p>A record holds the bytes it is sent as: one compact UTF-8 JSON object, {@code @type}, {@code @collection}
 * and {@code id} first, then each field as the serializer wrote it. Validation, the size limit, coalescing and
 * the request body work on those bytes; {@link #fields()} decodes them for callers that want text.
 *
 * <p>Records are immutable. {@link #mergedWith(OmetriaRecord)} implements the pipeline's coalescing rule,
 * which is Ometria's own merge rule: per top-level field, the later value wins; a nested object or array
 * is replaced whole; a full record replaces whatever came before.
 */
public final class OmetriaRecord {

    static {
        RecordAccess.install(new RecordAccess.Bridge() {
            @Override
            public EncodedRecord encoded(OmetriaRecord record) {
                return record.encoded;
            }

            @Override
            public OmetriaRecord record(RecordKey key, boolean full, EncodedRecord encoded) {
                return new OmetriaRecord(key, full, encoded);
            }
        });
    }

    private final RecordKey key;
    private final boolean full;
    /** The record as it is sent: one UTF-8 JSON object with the offsets of its fields. */
    private final EncodedRecord encoded;

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
        for (String reserved : OmetriaSchema.KEY_FIELDS) {
            if (fields.containsKey(reserved)) {
                throw new IllegalArgumentException("field " + reserved + " belongs in the record key, not in the fields");
            }
        }
        this.encoded = RecordEncoder.encode(key, fields, false);
    }

    OmetriaRecord(RecordKey key, boolean full, EncodedRecord encoded) {
        this.key = key;
        this.full = full;
        this.encoded = encoded;
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
        return parse(json.getBytes(StandardCharsets.UTF_8), full);
    }

    /**
     * Parses a record from its UTF-8 JSON, such as the output of another JSON library. When the JSON is
     * compact and has {@code @type}, {@code @collection} and {@code id} first, the record keeps these bytes
     * as they are.
     *
     * @param json the record's UTF-8 JSON; not modified, and not to be modified afterwards
     * @param full whether it is a full record
     * @return the record
     * @throws IllegalArgumentException when the JSON is not an object with {@code @type} and a string {@code id}
     */
    public static OmetriaRecord parse(byte[] json, boolean full) {
        RecordEncoder.Encoded read = RecordEncoder.read(json);
        return new OmetriaRecord(read.key(), full, read.encoded());
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
        return encoded.fields();
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
        return new OmetriaRecord(key, full, encoded.mergedWith(newer.encoded));
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
        for (int i = 0; i < encoded.fieldCount(); i++) {
            generator.writeFieldName(encoded.name(i));
            generator.writeRawValue(encoded.rawValue(i));
        }
        generator.writeEndObject();
    }

    /**
     * The record as compact JSON.
     *
     * @return the JSON object
     */
    public String toJson() {
        return new String(encoded.bytes(), StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        // The encoding is a function of the key and the fields, and the fields of the encoding.
        return other instanceof OmetriaRecord that
                && key.equals(that.key) && full == that.full && Arrays.equals(encoded.bytes(), that.encoded.bytes());
    }

    @Override
    public int hashCode() {
        return 31 * Boolean.hashCode(full) + Arrays.hashCode(encoded.bytes());
    }

    /** Names the record and its field names only: values may hold personal data. */
    @Override
    public String toString() {
        return (full ? "full " : "partial ") + key + " " + fields().keySet();
    }
}
