package dev.ometriasync.runtime.internal.record;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ometriasync.runtime.RecordKey;
import dev.ometriasync.schema.RecordType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes {@link EncodedRecord}s: from a serializer writing JSON (the offsets come from the generator), from a
 * key and raw field values, and from JSON text. Every path gives the same bytes for the same record: the
 * header {@code @type}, {@code @collection} when there is one, {@code id}, then the fields as they were written,
 * compact, exactly as Jackson's generator writes them.
 */
public final class RecordEncoder {

    /** Writes one JSON object: a record with its header. */
    @FunctionalInterface
    public interface RecordWriter {
        /**
         * @param generator where the object is written
         * @throws IOException when the generator fails
         */
        void write(JsonGenerator generator) throws IOException;
    }

    /**
     * A record's key and its encoding.
     *
     * @param key type, collection and id, as written in the header
     * @param encoded the bytes and field offsets
     */
    public record Encoded(RecordKey key, EncodedRecord encoded) {
    }

    /**
     * For serializers. Before records kept their bytes, a serializer wrote text and its field values were copied
     * raw into the UTF-8 body, so an emoji in a value travelled as four UTF-8 bytes: so it does here.
     */
    private static final JsonFactory SERIALIZER_GENERATORS = new FieldOffsetsGenerator.Factory(true);
    /** For a header and raw values: Jackson's UTF-8 generator as it wrote the body before, escaping emoji in the header. */
    private static final JsonFactory ENCODER_GENERATORS = new FieldOffsetsGenerator.Factory(false);
    private static final JsonFactory PARSERS = JsonFactory.builder().build();
    private static final String TYPE = "@type";
    private static final String COLLECTION = "@collection";
    private static final String ID = "id";

    private RecordEncoder() {
    }

    /**
     * Runs a writer, such as a generated serializer, and keeps what it wrote with the offsets of its fields.
     * A writer that does not put the header first in the usual form (none of ours) is read back as text.
     *
     * @param writer writes the record
     * @return the record
     * @throws IllegalArgumentException when what was written is not a record with {@code @type} and {@code id}
     */
    public static Encoded capture(RecordWriter writer) {
        FieldOffsetsGenerator.ByteSink sink = new FieldOffsetsGenerator.ByteSink();
        FieldOffsetsGenerator generator;
        try (JsonGenerator created = SERIALIZER_GENERATORS.createGenerator(sink, JsonEncoding.UTF8)) {
            generator = (FieldOffsetsGenerator) created;
            writer.write(generator);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the record", e);
        }
        byte[] json = sink.toByteArray();
        Encoded encoded = fromOffsets(json, generator);
        return encoded != null ? encoded : read(json);
    }

    /**
     * Encodes a record from raw JSON values.
     *
     * @param key the record's key
     * @param fields field name → raw JSON value, without the header fields
     * @param wellFormed whether the values are known to be valid JSON
     * @return the encoding
     */
    public static EncodedRecord encode(RecordKey key, Map<String, String> fields, boolean wellFormed) {
        FieldOffsetsGenerator.ByteSink sink = new FieldOffsetsGenerator.ByteSink();
        FieldOffsetsGenerator generator;
        try (JsonGenerator created = ENCODER_GENERATORS.createGenerator(sink, JsonEncoding.UTF8)) {
            generator = (FieldOffsetsGenerator) created;
            generator.writeStartObject();
            generator.writeStringField(TYPE, key.type().jsonName());
            if (key.collection() != null) {
                generator.writeStringField(COLLECTION, key.collection());
            }
            generator.writeStringField(ID, key.id());
            for (Map.Entry<String, String> field : fields.entrySet()) {
                generator.writeFieldName(field.getKey());
                generator.writeRawValue(field.getValue());
            }
            generator.writeEndObject();
        } catch (IOException e) {
            // Writing to memory fails only for a raw value the generator refuses.
            throw new UncheckedIOException("could not encode the record " + key, e);
        }
        int header = key.collection() == null ? 2 : 3;
        return table(sink.toByteArray(), generator, header, wellFormed);
    }

    /**
     * Reads a record from its JSON text (one object with {@code @type} and a string {@code id}). When the text is
     * already in the form the record is sent in, its bytes are kept as they are.
     *
     * @param json the record's UTF-8 JSON
     * @return the record
     * @throws IllegalArgumentException when the JSON is not an object with {@code @type} and {@code id}
     */
    public static Encoded read(byte[] json) {
        try (JsonParser parser = PARSERS.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("An Ometria record must be a JSON object");
            }
            String type = null;
            String collection = null;
            String id = null;
            Map<String, int[]> fields = new LinkedHashMap<>();
            // Whether the text is already what the encoder would write: the header in order, then each field
            // once, compact, keys without escapes. Then the bytes are kept; otherwise the record is re-encoded.
            boolean canonical = true;
            Stage stage = Stage.TYPE;
            int expectedKey = 1;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                int keyStart = (int) parser.currentTokenLocation().getByteOffset();
                JsonToken value = parser.nextToken();
                int valueStart = (int) parser.currentTokenLocation().getByteOffset();
                if (value.isStructStart()) {
                    parser.skipChildren();
                } else {
                    // Scalars are decoded lazily: finish the token so the location is past its end.
                    parser.finishToken();
                }
                int valueEnd = (int) parser.currentLocation().getByteOffset();
                canonical &= keyStart == expectedKey && (expectedKey == 1 || json[expectedKey - 1] == ',')
                        && plainKey(json, keyStart, valueStart, name);
                expectedKey = valueEnd + 1;
                boolean plainString = value == JsonToken.VALUE_STRING && headerString(json, valueStart, valueEnd) != null;
                switch (name) {
                    case TYPE -> {
                        type = parser.getValueAsString();
                        canonical &= stage == Stage.TYPE && plainString;
                        stage = Stage.COLLECTION_OR_ID;
                    }
                    case COLLECTION -> {
                        collection = value == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
                        canonical &= stage == Stage.COLLECTION_OR_ID && plainString;
                        stage = Stage.ID;
                    }
                    case ID -> {
                        id = value == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
                        canonical &= (stage == Stage.COLLECTION_OR_ID || stage == Stage.ID) && plainString;
                        stage = Stage.FIELDS;
                    }
                    default -> {
                        canonical &= stage == Stage.FIELDS && !fields.containsKey(name);
                        fields.put(name, new int[] {keyStart, valueStart, valueEnd});
                    }
                }
            }
            if (type == null) {
                throw new IllegalArgumentException("The record has no @type");
            }
            if (id == null) {
                throw new IllegalArgumentException("The " + type + " record has no id");
            }
            RecordKey key = new RecordKey(RecordType.fromJsonName(type), collection, id);
            canonical &= stage == Stage.FIELDS && expectedKey == json.length && json[json.length - 1] == '}';
            if (!canonical) {
                Map<String, String> raw = new LinkedHashMap<>();
                fields.forEach((name, offsets) -> raw.put(name, new String(json, offsets[1], offsets[2] - offsets[1],
                        StandardCharsets.UTF_8)));
                return new Encoded(key, encode(key, raw, true));
            }
            int count = fields.size();
            String[] names = new String[count];
            int[] keyStarts = new int[count];
            int[] valueStarts = new int[count];
            int i = 0;
            for (Map.Entry<String, int[]> field : fields.entrySet()) {
                names[i] = field.getKey();
                keyStarts[i] = field.getValue()[0];
                valueStarts[i] = field.getValue()[1];
                i++;
            }
            return new Encoded(key, new EncodedRecord(json, names, keyStarts, valueStarts, 0, count, true));
        } catch (IOException e) {
            throw new IllegalArgumentException("Not valid JSON: " + e.getMessage(), e);
        }
    }

    /**
     * A header string ({@code @type}, {@code @collection}, {@code id}) that is already in the form the encoder writes
     * it: no escapes, and no character outside the Basic Multilingual Plane (which the encoder escapes).
     *
     * @return the string, or null when the header has to be encoded again
     */
    private static String headerString(byte[] json, int start, int end) {
        for (int i = start; i < end; i++) {
            if ((json[i] & 0xF8) == 0xF0) {
                return null; // the first byte of a four-byte UTF-8 sequence
            }
        }
        return EncodedRecord.simpleString(json, start, end);
    }

    /** Whether a key is written as the generator writes it: {@code "name":} with nothing to escape. */
    private static boolean plainKey(byte[] json, int keyStart, int valueStart, String name) {
        if (valueStart != keyStart + name.length() + 3 || json[keyStart] != '"' || json[valueStart - 2] != '"'
                || json[valueStart - 1] != ':') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || json[keyStart + 1 + i] != c) {
                return false;
            }
        }
        return true;
    }

    /**
     * The record as a serializer wrote it, when the header is in the usual form: {@code @type}, then
     * {@code @collection} or not, then {@code id}, all strings without escapes, and each field once under a plain
     * ASCII name.
     *
     * @return the record, or null to read it back as text instead
     */
    private static Encoded fromOffsets(byte[] json, FieldOffsetsGenerator generator) {
        int entries = generator.entries();
        String[] names = generator.names();
        int[] keyStarts = generator.keyStarts();
        int[] valueStarts = generator.valueStarts();
        if (entries < 2 || json.length == 0 || json[0] != '{' || json[json.length - 1] != '}' || !TYPE.equals(names[0])) {
            return null;
        }
        int header = COLLECTION.equals(names[1]) ? 3 : 2;
        if (entries < header || !ID.equals(names[header - 1])) {
            return null;
        }
        RecordType type = recordType(json, valueStarts[0], generator.valueEnd(0, json.length));
        String collection = header == 3 ? headerString(json, valueStarts[1], generator.valueEnd(1, json.length)) : null;
        String id = headerString(json, valueStarts[header - 1], generator.valueEnd(header - 1, json.length));
        if (type == null || id == null || (header == 3 && collection == null)) {
            return null;
        }
        long seen = 0;
        for (int i = header; i < entries; i++) {
            String name = names[i];
            // A name of as many bytes as characters is ASCII with nothing escaped: written as the encoder writes it.
            if (valueStarts[i] - keyStarts[i] - 3 != name.length() || name.isEmpty() || name.charAt(0) == '@'
                    || ID.equals(name)) {
                return null;
            }
            long bit = 1L << (name.hashCode() & 63);
            if ((seen & bit) != 0 && appearsBefore(names, header, i)) {
                return null; // written twice: the text path keeps one, as a map would
            }
            seen |= bit;
        }
        RecordKey key = new RecordKey(type, collection, id);
        return new Encoded(key, new EncodedRecord(json, names, keyStarts, valueStarts, header, entries - header, true));
    }

    private static boolean appearsBefore(String[] names, int from, int index) {
        for (int j = from; j < index; j++) {
            if (names[j].equals(names[index])) {
                return true;
            }
        }
        return false;
    }

    /** The record type whose name is written between {@code start} and {@code end}, quotes included; null if none. */
    private static RecordType recordType(byte[] json, int start, int end) {
        for (RecordType type : RecordType.values()) {
            String name = type.jsonName();
            if (end - start == name.length() + 2 && json[start] == '"' && json[end - 1] == '"'
                    && asciiEquals(json, start + 1, name)) {
                return type;
            }
        }
        return null;
    }

    private static boolean asciiEquals(byte[] json, int start, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (json[start + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static EncodedRecord table(byte[] json, FieldOffsetsGenerator generator, int header, boolean wellFormed) {
        return new EncodedRecord(json, generator.names(), generator.keyStarts(), generator.valueStarts(), header,
                generator.entries() - header, wellFormed);
    }

    /** Where {@link #read} is in the header. */
    private enum Stage { TYPE, COLLECTION_OR_ID, ID, FIELDS }
}
