package dev.ometriasync.runtime.internal.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.RecordKey;
import dev.ometriasync.runtime.internal.client.PushRequestBody;
import dev.ometriasync.schema.RecordType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Records keep the bytes they are sent as. Whatever way a record is made — read from JSON (compact or not),
 * built from raw values, coalesced, written by a serializer — its bytes and the request body must be exactly
 * what the runtime wrote before records kept bytes: the key, then each field name and raw value, written by a
 * Jackson generator into a JSON array ({@link #bodyAsWrittenBefore}).
 */
class RecordBytesTest {

    private static final List<String> RECORDS = List.of(
            "{\"@type\":\"contact\",\"@collection\":\"webshop\",\"id\":\"42\",\"email\":\"a@b.com\","
                    + "\"properties\":{\"tier\":\"gold\",\"n\":[1,2]},\"lastname\":null}",
            "{\"@type\":\"order\",\"id\":\"ORD-1\",\"currency\":\"EUR\",\"note\":\"say \\\"hi\\\" \\u00e9\","
                    + "\"grand_total\":12.50,\"is_valid\":false,\"web_id\":null,"
                    + "\"customer\":{\"email\":\"a@b.example\",\"id\":\"C-1\"},\"tags\":[\"x\",\"y\"],\"tax\":3}",
            "{\"@type\":\"product\",\"id\":\"P-ü\",\"title\":\"Lämp 🛒 \\t\",\"price\":1.5E+3}",
            "{\"@type\":\"custom_event\",\"id\":\"E-1\"}",
            "{\"@type\":\"product\",\"id\":\"P-🛒\",\"title\":\"🛒\",\"🛒\":\"\\ud83d\\uded2\"}",
            "{\"@type\":\"product\",\"id\":\"P-\\ud83d\\uded2\",\"title\":\"🛒\"}",
            // Not in the form records are sent in: spaces, header out of order, numeric id, escaped key, duplicates.
            "{ \"@type\" : \"contact\", \"id\" : \"7\", \"email\" : \"x@y.org\" , \"n\" : [ 1 , 2 ] }",
            "{\"id\":\"7\",\"@type\":\"contact\",\"email\":\"x@y.org\"}",
            "{\"@type\":\"contact\",\"email\":\"x@y.org\",\"@collection\":\"shop\",\"id\":\"7\"}",
            "{\"@type\":\"order\",\"id\":12,\"status\":\"x\"}",
            "{\"@type\":\"order\",\"id\":\"a\\\"b\",\"st\\u0061tus\":\"x\"}",
            "{\"@type\":\"order\",\"@collection\":null,\"id\":\"1\",\"status\":\"x\",\"status\":\"y\",\"tax\":1}",
            "{\"@type\":\"order\",\"id\":\"1\",\"status\":\"x\"} trailing");

    @Test
    void readRecordsAreSentAsTheRuntimeWroteThemBefore() {
        for (String json : RECORDS) {
            OmetriaRecord record = OmetriaRecord.parse(json, true);

            byte[] before = bodyAsWrittenBefore(List.of(record.key()), List.of(record.fields()));
            assertThat(PushRequestBody.of(List.of(record))).as(json).isEqualTo(before);
            assertThat(("[" + record.toJson() + "]").getBytes(StandardCharsets.UTF_8)).as(json).isEqualTo(before);
            assertThat(RecordAccess.encoded(record).size()).isEqualTo(before.length - 2);
        }
    }

    @Test
    void aRecordBuiltFromRawValuesHasTheSameBytesAsTheSameRecordRead() {
        for (String json : RECORDS) {
            OmetriaRecord read = OmetriaRecord.parse(json, false);
            OmetriaRecord built = new OmetriaRecord(read.key(), false, read.fields());

            assertThat(built).isEqualTo(read).hasSameHashCodeAs(read);
            assertThat(built.toJson()).isEqualTo(read.toJson());
            assertThat(built.fields()).containsExactlyEntriesOf(read.fields());
        }
    }

    @Test
    void aBatchIsItsRecordsBetweenBracketsAndCommas() {
        List<OmetriaRecord> batch = RECORDS.stream().map(json -> OmetriaRecord.parse(json, true)).toList();

        assertThat(PushRequestBody.of(batch)).isEqualTo(bodyAsWrittenBefore(batch.stream().map(OmetriaRecord::key).toList(),
                batch.stream().map(OmetriaRecord::fields).toList()));
        assertThat(PushRequestBody.of(List.of())).isEqualTo("[]".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void coalescedRecordsHaveTheBytesOfTheirMergedFields() {
        OmetriaRecord first = OmetriaRecord.parse("{\"@type\":\"contact\",\"@collection\":\"shop\",\"id\":\"1\","
                + "\"email\":\"a@b.com\",\"properties\":{\"a\":1},\"lastname\":\"Lovelace\"}", true);
        OmetriaRecord second = OmetriaRecord.parse("{\"@type\":\"contact\",\"@collection\":\"shop\",\"id\":\"1\","
                + "\"lastname\":null,\"firstname\":\"Ada é\",\"properties\":{\"b\":[2]}}", false);
        OmetriaRecord third = new OmetriaRecord(first.key(), false, Map.of("phone_number", "\"+447911123456\""));

        OmetriaRecord merged = first.mergedWith(second).mergedWith(third);

        Map<String, String> expected = new LinkedHashMap<>(first.fields());
        expected.putAll(second.fields());
        expected.putAll(third.fields());
        assertThat(merged.fields()).containsExactlyEntriesOf(expected);
        assertThat(merged).isEqualTo(new OmetriaRecord(first.key(), true, expected));
        assertThat(PushRequestBody.of(List.of(merged))).isEqualTo(bodyAsWrittenBefore(List.of(merged.key()), List.of(expected)));
        assertThat(RecordAccess.encoded(merged).wellFormed()).as("raw text merged in is not known to be JSON").isFalse();
        assertThat(RecordAccess.encoded(first.mergedWith(second)).wellFormed()).isTrue();
    }

    @Test
    void capturedFieldsAreLocatedWithoutParsing() {
        RecordEncoder.Encoded written = RecordEncoder.capture(generator -> {
            generator.writeStartObject();
            generator.writeStringField("@type", "order");
            generator.writeStringField("id", "ORD-7");
            generator.writeFieldName("lineitems");
            generator.writeStartArray();
            generator.writeStartObject();
            generator.writeStringField("product_id", "P-1");
            generator.writeEndObject();
            generator.writeEndArray();
            generator.writeNumberField("grand_total", 12);
            generator.writeFieldName("status");
            generator.writeNull();
            generator.writeEndObject();
        });

        EncodedRecord encoded = written.encoded();
        assertThat(written.key()).isEqualTo(new RecordKey(RecordType.ORDER, null, "ORD-7"));
        assertThat(new String(encoded.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"@type\":\"order\",\"id\":\"ORD-7\","
                + "\"lineitems\":[{\"product_id\":\"P-1\"}],\"grand_total\":12,\"status\":null}");
        assertThat(encoded.fieldCount()).isEqualTo(3);
        assertThat(encoded.name(0)).isEqualTo("lineitems");
        assertThat(encoded.rawValue(0)).isEqualTo("[{\"product_id\":\"P-1\"}]");
        assertThat(encoded.rawValue(1)).isEqualTo("12");
        assertThat(encoded.isNull(2)).isTrue();
        assertThat(encoded.wellFormed()).isTrue();
    }

    @Test
    void aRecordLargerThanTheGeneratorBufferKeepsItsOffsets() {
        String big = "x".repeat(20_000);
        RecordEncoder.Encoded written = RecordEncoder.capture(generator -> {
            generator.writeStartObject();
            generator.writeStringField("@type", "product");
            generator.writeStringField("id", "P-1");
            generator.writeStringField("title", big);
            generator.writeStringField("description", big + "é");
            generator.writeBooleanField("is_active", true);
            generator.writeEndObject();
        });

        EncodedRecord encoded = written.encoded();
        assertThat(encoded.simpleString(0)).isEqualTo(big);
        assertThat(encoded.simpleString(1)).isEqualTo(big + "é");
        assertThat(encoded.rawValue(2)).isEqualTo("true");
        assertThat(encoded.size()).isEqualTo(("{\"@type\":\"product\",\"id\":\"P-1\",\"title\":\"" + big + "\",\"description\":\""
                + big + "é\",\"is_active\":true}").getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void emojiAreSentAsBeforeEscapedInTheHeaderAndAsUtf8InTheFields() {
        RecordEncoder.Encoded written = RecordEncoder.capture(generator -> {
            generator.writeStartObject();
            generator.writeStringField("@type", "product");
            generator.writeStringField("id", "P-🛒");
            generator.writeStringField("title", "Basket 🛒");
            generator.writeFieldName("properties");
            generator.writeStartObject();
            generator.writeStringField("icon", "🛒");
            generator.writeEndObject();
            generator.writeEndObject();
        });
        OmetriaRecord record = RecordAccess.record(written.key(), true, written.encoded());

        assertThat(record.id()).isEqualTo("P-🛒");
        assertThat(PushRequestBody.of(List.of(record)))
                .isEqualTo(bodyAsWrittenBefore(List.of(record.key()), List.of(record.fields())))
                .isEqualTo("[{\"@type\":\"product\",\"id\":\"P-\\uD83D\\uDED2\",\"title\":\"Basket 🛒\",\"properties\":{\"icon\":\"🛒\"}}]"
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** The request body as the runtime wrote it before records kept their bytes. */
    private static byte[] bodyAsWrittenBefore(List<RecordKey> keys, List<Map<String, String>> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = JsonFactory.builder().build().createGenerator(out, JsonEncoding.UTF8)) {
            generator.writeStartArray();
            for (int i = 0; i < keys.size(); i++) {
                RecordKey key = keys.get(i);
                generator.writeStartObject();
                generator.writeStringField("@type", key.type().jsonName());
                if (key.collection() != null) {
                    generator.writeStringField("@collection", key.collection());
                }
                generator.writeStringField("id", key.id());
                for (Map.Entry<String, String> field : fields.get(i).entrySet()) {
                    generator.writeFieldName(field.getKey());
                    generator.writeRawValue(field.getValue());
                }
                generator.writeEndObject();
            }
            generator.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
