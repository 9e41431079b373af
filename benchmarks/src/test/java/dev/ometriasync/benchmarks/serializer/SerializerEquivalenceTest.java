package dev.ometriasync.benchmarks.serializer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.benchmarks.model.BenchContact;
import dev.ometriasync.benchmarks.model.BenchData;
import dev.ometriasync.benchmarks.model.BenchOrder;
import dev.ometriasync.runtime.OmetriaRecords;
import dev.ometriasync.runtime.OmetriaSerializers;
import dev.ometriasync.spi.OmetriaSerializer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The serializer benchmark compares like with like only if the three writers produce the same bytes from the
 * same entity: this proves it for the benchmarked contact and order, and that they are what the runtime sends.
 */
class SerializerEquivalenceTest {

    private final RecordWriters writers = new RecordWriters();

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
                + "\"date_of_birth\":\"1990-04-23\",\"phone_number\":\"+447400123456\",\"country_id\":\"GB\","
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
}
