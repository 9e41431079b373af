package dev.ometriasync.benchmarks.serializer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ometriasync.benchmarks.model.BenchContact;
import dev.ometriasync.benchmarks.model.BenchData;
import dev.ometriasync.benchmarks.model.BenchOrder;
import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.OmetriaRecords;
import dev.ometriasync.runtime.OmetriaSerializers;
import dev.ometriasync.spi.OmetriaSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The serializer benchmark compares like with like only if the three writers produce the same bytes from the
 * same entity: this proves it for the benchmarked contact and order, and that they are what the runtime sends,
 * both for the serializer alone and end to end (the request body).
 */
class SerializerEquivalenceTest {

    private final RecordWriters writers = new RecordWriters();
    private final EndToEnd endToEnd = new EndToEnd();

    @Test
    void contactBytesAreIdenticalAcrossWriters() {
        BenchContact contact = BenchData.contact(42);
        OmetriaSerializer<BenchContact> serializer = OmetriaSerializers.of(contact);

        byte[] generated = writers.streaming(serializer::writeFull, contact);
        byte[] databind = writers.databind(contact);
        byte[] handWritten = writers.streaming(HandWrittenWriters::writeContact, contact);

        String json = new String(generated, StandardCharsets.UTF_8);
        assertThat(json).isEqualTo(OmetriaRecords.toJson(contact)).isEqualTo("{\"@type\":\"contact\","
                + "\"@collection\":\"webshop\",\"id\":\"42\",\"customer_id\":\"ACC-42\","
                + "\"email\":\"customer42@example.com\",\"prefix\":\"Ms\",\"firstname\":\"Ada\","
                + "\"middlename\":\"Augusta\",\"lastname\":\"Lovelace\",\"gender\":\"f\","
                + "\"date_of_birth\":\"1990-04-23\",\"phone_number\":\"+447911123456\",\"country_id\":\"GB\","
                + "\"timezone\":\"Europe/London\",\"store_ids\":[\"uk\",\"ie\"],"
                + "\"marketing_optin\":\"EXPLICITLY_OPTEDIN\",\"timestamp_acquired\":\"2024-03-01T10:16:12+00:00\"}");
        assertThat(new String(databind, StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(new String(handWritten, StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(databind).isEqualTo(generated);
        assertThat(handWritten).isEqualTo(generated);
    }

    @Test
    void orderWithTenLinesBytesAreIdenticalAcrossWriters() {
        BenchOrder order = BenchData.order("ORD-42", 10);
        OmetriaSerializer<BenchOrder> serializer = OmetriaSerializers.of(order);

        byte[] generated = writers.streaming(serializer::writeFull, order);
        byte[] databind = writers.databind(order);
        byte[] handWritten = writers.streaming(HandWrittenWriters::writeOrder, order);

        String json = new String(generated, StandardCharsets.UTF_8);
        assertThat(json).isEqualTo(OmetriaRecords.toJson(order))
                .startsWith("{\"@type\":\"order\",\"id\":\"ORD-42\",\"timestamp\":\"2024-03-01T10:15:30+00:00\","
                        + "\"status\":\"COMPLETE\",\"is_valid\":true,\"currency\":\"GBP\",")
                .contains("\"shipping_address\":{\"firstname\":\"Ada\",\"lastname\":\"Lovelace\",\"city\":\"London\","
                        + "\"postcode\":\"SW1A 1AA\",\"country_code\":\"GB\"}")
                .contains("{\"product_id\":\"PRD-1000\",\"sku\":\"SKU-1000-M\",\"quantity\":1,\"unit_price\":19.99,"
                        + "\"subtotal\":19.99,\"total\":19.99,\"is_on_sale\":true}")
                .contains("\"product_id\":\"PRD-1009\"");
        assertThat(json.split("\"product_id\"", -1)).hasSize(11);
        assertThat(new String(databind, StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(new String(handWritten, StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(databind).isEqualTo(generated);
        assertThat(handWritten).isEqualTo(generated);
    }

    @Test
    void contactRequestBodyIsIdenticalAcrossWritersAndAsTheRuntimeWroteItBefore() {
        BenchContact contact = BenchData.contact(42);

        byte[] generated = endToEnd.throughSerializer(OmetriaSerializers.of(contact), contact);
        byte[] databind = endToEnd.throughDatabind(contact);
        byte[] handWritten = endToEnd.throughSerializer(HandWrittenSerializer.contact(), contact);

        String record = OmetriaRecords.toJson(contact);
        assertThat(new String(generated, StandardCharsets.UTF_8)).isEqualTo("[" + record + "]");
        assertThat(generated).isEqualTo(bodyAsWrittenBefore(record));
        assertThat(databind).isEqualTo(generated);
        assertThat(handWritten).isEqualTo(generated);
    }

    @Test
    void orderRequestBodyIsIdenticalAcrossWritersAndAsTheRuntimeWroteItBefore() {
        BenchOrder order = BenchData.order("ORD-42", 10);

        byte[] generated = endToEnd.throughSerializer(OmetriaSerializers.of(order), order);
        byte[] databind = endToEnd.throughDatabind(order);
        byte[] handWritten = endToEnd.throughSerializer(HandWrittenSerializer.order(), order);

        String record = OmetriaRecords.toJson(order);
        assertThat(new String(generated, StandardCharsets.UTF_8)).isEqualTo("[" + record + "]");
        assertThat(generated).isEqualTo(bodyAsWrittenBefore(record));
        assertThat(databind).isEqualTo(generated);
        assertThat(handWritten).isEqualTo(generated);
    }

    /**
     * The request body as the runtime wrote it before records kept their bytes: the serializer's JSON text
     * parsed into fields and written again, value by value, by a Jackson generator into a JSON array.
     */
    private static byte[] bodyAsWrittenBefore(String recordJson) {
        OmetriaRecord record = OmetriaRecord.parse(recordJson, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = JsonFactory.builder().build().createGenerator(out, JsonEncoding.UTF8)) {
            generator.writeStartArray();
            generator.writeStartObject();
            generator.writeStringField("@type", record.type().jsonName());
            if (record.collection() != null) {
                generator.writeStringField("@collection", record.collection());
            }
            generator.writeStringField("id", record.id());
            for (Map.Entry<String, String> field : record.fields().entrySet()) {
                generator.writeFieldName(field.getKey());
                generator.writeRawValue(field.getValue());
            }
            generator.writeEndObject();
            generator.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
