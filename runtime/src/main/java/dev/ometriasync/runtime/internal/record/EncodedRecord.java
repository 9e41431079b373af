package dev.ometriasync.runtime.internal.record;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record as the bytes that are sent: one compact UTF-8 JSON object, {@code @type}, {@code @collection} (when
 * there is one) and {@code id} first, then each top-level field once, in write order. Each field is located by
 * the offsets of its key ({@code "name":}) and of its value, so a field can be read, measured, replaced or
 * copied without parsing the record.
 *
 * <p>Immutable; the arrays are never handed out except {@link #bytes()}, which callers must not modify.
 */
public final class EncodedRecord {

    private final byte[] json;
    private final String[] names;
    private final int[] keyStarts;
    private final int[] valueStarts;
    private final int first;
    private final int count;
    private final boolean wellFormed;

    /**
     * Takes the arrays as they are (the generator's own, with the header's entries first), without copying.
     * Fields are contiguous in the compact form: each value ends at the comma before the next key, the last at
     * the closing brace.
     *
     * @param json the whole object, {@code {…}}
     * @param names the names of the object's entries; the fields are {@code first} to {@code first + count - 1}
     * @param keyStarts per entry, the offset of its opening quote
     * @param valueStarts per entry, the offset of its value's first byte
     * @param first the index of the first field (after the header's entries)
     * @param count the number of fields
     * @param wellFormed whether every value is known to be valid JSON (written by a generator or read by a
     *        parser), rather than raw text passed in by a caller
     */
    EncodedRecord(byte[] json, String[] names, int[] keyStarts, int[] valueStarts, int first, int count,
            boolean wellFormed) {
        this.json = json;
        this.names = names;
        this.keyStarts = keyStarts;
        this.valueStarts = valueStarts;
        this.first = first;
        this.count = count;
        this.wellFormed = wellFormed;
    }

    /**
     * The record's JSON.
     *
     * @return the bytes themselves, not a copy: never modify them
     */
    public byte[] bytes() {
        return json;
    }

    /**
     * The size Ometria measures: the bytes of the record's UTF-8 JSON.
     *
     * @return the length of {@link #bytes()}
     */
    public int size() {
        return json.length;
    }

    /**
     * Whether every value is valid JSON. Values passed in as raw text through
     * {@code new OmetriaRecord(key, full, fields)} are not known to be; validation parses those.
     *
     * @return true for records written by a serializer, read by {@code OmetriaRecord.parse}, or merged from such
     */
    public boolean wellFormed() {
        return wellFormed;
    }

    /**
     * The number of top-level fields other than {@code @type}, {@code @collection} and {@code id}.
     *
     * @return the field count
     */
    public int fieldCount() {
        return count;
    }

    /**
     * A field's name.
     *
     * @param field the field's index
     * @return its name
     */
    public String name(int field) {
        return names[first + field];
    }

    /**
     * The index of a field.
     *
     * @param name a field name
     * @return its index, or -1 when the record has no such field
     */
    public int indexOf(String name) {
        for (int i = 0; i < count; i++) {
            if (names[first + i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Where a field's value starts.
     *
     * @param field the field's index
     * @return the offset of its first byte in {@link #bytes()}
     */
    public int valueStart(int field) {
        return valueStarts[first + field];
    }

    /** Where a field's value ends: at the comma before the next field, or at the closing brace. */
    private int valueEnd(int field) {
        return field + 1 < count ? keyStarts[first + field + 1] - 1 : json.length - 1;
    }

    /** Where the header ends: at the comma before the first field, or at the closing brace. */
    private int headerEnd() {
        return count > 0 ? keyStarts[first] - 1 : json.length - 1;
    }

    /**
     * How long a field's value is.
     *
     * @param field the field's index
     * @return its length in bytes of UTF-8 JSON
     */
    public int valueLength(int field) {
        return valueEnd(field) - valueStart(field);
    }

    /**
     * The first byte of a field's value, which tells its JSON kind: a quote a string, an opening brace an
     * object, an opening bracket an array, {@code t} or {@code f} a boolean, {@code n} null, otherwise a number.
     * Raw values passed in by a caller may start with whitespace.
     *
     * @param field the field's index
     * @return the byte
     */
    public byte firstByte(int field) {
        return valueLength(field) > 0 ? json[valueStart(field)] : 0;
    }

    /**
     * Whether a field's value is JSON {@code null}.
     *
     * @param field the field's index
     * @return true for {@code null}, surrounding whitespace allowed
     */
    public boolean isNull(int field) {
        int start = valueStart(field);
        int end = valueEnd(field);
        while (start < end && isWhitespace(json[start])) {
            start++;
        }
        while (end > start && isWhitespace(json[end - 1])) {
            end--;
        }
        return end - start == 4 && json[start] == 'n' && json[start + 1] == 'u' && json[start + 2] == 'l'
                && json[start + 3] == 'l';
    }

    /**
     * A string value without escapes, decoded without a parser.
     *
     * @param field the field's index
     * @return the string, or null when the value is not a string or holds an escape sequence (then it has to be
     *         parsed)
     */
    public String simpleString(int field) {
        return simpleString(json, valueStart(field), valueEnd(field));
    }

    static String simpleString(byte[] json, int start, int end) {
        if (end - start < 2 || json[start] != '"' || json[end - 1] != '"') {
            return null;
        }
        for (int i = start + 1; i < end - 1; i++) {
            if (json[i] == '\\') {
                return null;
            }
        }
        return new String(json, start + 1, end - start - 2, StandardCharsets.UTF_8);
    }

    /**
     * A field's value as text.
     *
     * @param field the field's index
     * @return the raw JSON value, decoded from UTF-8
     */
    public String rawValue(int field) {
        return new String(json, valueStart(field), valueLength(field), StandardCharsets.UTF_8);
    }

    /**
     * The fields as text.
     *
     * @return field name → raw JSON value, in order, unmodifiable
     */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            fields.put(name(i), rawValue(i));
        }
        return Collections.unmodifiableMap(fields);
    }

    /**
     * Copies the record to another array, for a request body.
     *
     * @param target the array
     * @param offset where in it
     * @return the offset just past the copy
     */
    public int copyTo(byte[] target, int offset) {
        System.arraycopy(json, 0, target, offset, json.length);
        return offset + json.length;
    }

    /**
     * Coalesces a newer partial record into this one, as {@code OmetriaRecord.mergedWith} describes: the fields
     * of this record in their order, each replaced by the newer value where there is one, then the newer
     * record's other fields. The header is this record's (the keys are the same). Copies bytes; parses nothing.
     *
     * @param newer the later record with the same key
     * @return the merged record
     */
    public EncodedRecord mergedWith(EncodedRecord newer) {
        int[] fromNewer = new int[count];
        int size = headerEnd() + 1;
        int fields = count;
        for (int i = 0; i < count; i++) {
            fromNewer[i] = newer.indexOf(name(i));
            size += 1 + (fromNewer[i] >= 0 ? newer.fragmentLength(fromNewer[i]) : fragmentLength(i));
        }
        for (int j = 0; j < newer.count; j++) {
            if (indexOf(newer.name(j)) < 0) {
                size += 1 + newer.fragmentLength(j);
                fields++;
            }
        }
        Builder builder = new Builder(size, fields, wellFormed && newer.wellFormed);
        builder.header(json, headerEnd());
        for (int i = 0; i < count; i++) {
            if (fromNewer[i] >= 0) {
                builder.field(newer, fromNewer[i]);
            } else {
                builder.field(this, i);
            }
        }
        for (int j = 0; j < newer.count; j++) {
            if (indexOf(newer.name(j)) < 0) {
                builder.field(newer, j);
            }
        }
        return builder.build();
    }

    /** The bytes of a field's key and value, {@code "name":value}. */
    private int fragmentLength(int field) {
        return valueEnd(field) - keyStarts[first + field];
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    /** Assembles a record from a header and fields copied out of other records. */
    private static final class Builder {
        private final byte[] json;
        private final String[] names;
        private final int[] keyStarts;
        private final int[] valueStarts;
        private final boolean wellFormed;
        private int position;
        private int fields;

        Builder(int size, int fieldCount, boolean wellFormed) {
            this.json = new byte[size];
            this.names = new String[fieldCount];
            this.keyStarts = new int[fieldCount];
            this.valueStarts = new int[fieldCount];
            this.wellFormed = wellFormed;
        }

        void header(byte[] source, int end) {
            System.arraycopy(source, 0, json, 0, end);
            position = end;
        }

        void field(EncodedRecord source, int field) {
            json[position++] = ',';
            int keyStart = source.keyStarts[source.first + field];
            int length = source.valueEnd(field) - keyStart;
            System.arraycopy(source.json, keyStart, json, position, length);
            names[fields] = source.name(field);
            keyStarts[fields] = position;
            valueStarts[fields] = position + source.valueStart(field) - keyStart;
            position += length;
            fields++;
        }

        EncodedRecord build() {
            json[position++] = '}';
            if (position != json.length) {
                throw new IllegalStateException("merged record is " + position + " bytes, expected " + json.length);
            }
            return new EncodedRecord(json, names, keyStarts, valueStarts, 0, fields, wellFormed);
        }
    }
}
