package dev.ometriasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Validation after the acknowledgement and its listing at {@code GET /v2/push/_errors}: the 200 says nothing
 * about validity, failures show up later with Ometria's {@code error_message} / {@code error_path} shape.
 */
class ValidationErrorsTest {

    private final OmetriaSimulator simulator = OmetriaSimulator.builder().https(false).start();
    private final PushClient client = new PushClient(simulator);

    @AfterEach
    void close() {
        simulator.close();
    }

    @Test
    void acknowledgesAnInvalidRecordThenListsItsErrorInOmetriasShapeAndDoesNotStoreIt() {
        HttpResponse<String> ack = client.push("""
                [{"@type":"contact","id":"C-1","lastname":42},
                 {"@type":"contact","id":"C-2","lastname":"Lee"}]""");
        simulator.awaitIdle();

        HttpResponse<String> errors = client.errors();

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(PushClient.json(ack).get("accepted").asInt()).isEqualTo(2);
        assertThat(errors.statusCode()).isEqualTo(200);
        assertThat(errors.body()).isEqualTo("[{\"error_message\":\"not a valid value\",\"error_path\":\"root > lastname\"}]");
        assertThat(simulator.contact(null, "C-1")).isNull();
        assertThat(simulator.contact(null, "C-2")).isNotNull();
        assertThat(simulator.errors()).singleElement().satisfies(error -> {
            assertThat(error.recordType()).isEqualTo("contact");
            assertThat(error.recordId()).isEqualTo("C-1");
            assertThat(error.requestId()).isEqualTo(PushClient.json(ack).get("request_id").asText());
        });
    }

    @Test
    void checksIdsFormatsAndCodesOfEveryRecordType() {
        client.push("""
                [{"@type":"contact","id":"has space","email":"ann@example.com"},
                 {"@type":"contact","id":"C-3","email":"not-an-email","phone_number":"07700 900123",
                  "country_id":"UK","date_of_birth":"1990-13-01","marketing_optin":"YES",
                  "timestamp_acquired":"2024-05-01T10:00:00","store_ids":["web",3],
                  "channels":{"sms":{"allow_marketing":"yes"}}}]""");
        client.push("""
                [{"@type":"order","id":"O-1","timestamp":"2024-05-01 10:00","currency":"XYZ","grand_total":"12.50",
                  "is_valid":"false","customer":{"id":"u1","email":"bad"},
                  "shipping_address":{"country_code":"gb"}}]""");
        client.push("""
                [{"@type":"product","id":"P-1","price":"9.99","is_active":1,"attributes":["x"],"currency":"gbp",
                  "special_price_dt_from":"tomorrow"}]""");
        client.push("""
                [{"@type":"custom_event","id":"E-1","timestamp":"yesterday","identity_email":"x"}]""");

        assertThat(simulator.errors()).extracting(ValidationFailure::recordId, ValidationFailure::errorPath).containsExactly(
                tuple("has space", "root > id"),
                tuple("C-3", "root > email"),
                tuple("C-3", "root > phone_number"),
                tuple("C-3", "root > country_id"),
                tuple("C-3", "root > date_of_birth"),
                tuple("C-3", "root > marketing_optin"),
                tuple("C-3", "root > timestamp_acquired"),
                tuple("C-3", "root > store_ids"),
                tuple("C-3", "root > channels > sms > allow_marketing"),
                tuple("O-1", "root > timestamp"),
                tuple("O-1", "root > currency"),
                tuple("O-1", "root > grand_total"),
                tuple("O-1", "root > is_valid"),
                tuple("O-1", "root > customer > email"),
                tuple("O-1", "root > shipping_address > country_code"),
                tuple("P-1", "root > price"),
                tuple("P-1", "root > is_active"),
                tuple("P-1", "root > attributes > 0"),
                tuple("P-1", "root > currency"),
                tuple("P-1", "root > special_price_dt_from"),
                tuple("E-1", "root > event_type"),
                tuple("E-1", "root > timestamp"),
                tuple("E-1", "root > identity_email"));
        assertThat(simulator.errors()).filteredOn(error -> error.recordId().equals("E-1"))
                .extracting(ValidationFailure::errorMessage)
                .containsExactly("required value is missing", "not a valid value", "not a valid value");
        assertThat(simulator.recordCount()).isZero();
    }

    @Test
    void acceptsValidValuesOfEveryCheckedFormat() {
        client.push("""
                [{"@type":"contact","@collection":"webshop","id":"C-9","email":"ann.lee+news@example.co.uk",
                  "phone_number":"+447400123456","country_id":"GB","date_of_birth":"1990-02-28",
                  "marketing_optin":"EXPLICITLY_OPTEDIN","@force_optin":true,
                  "timestamp_subscribed":"2024-05-01T10:00:00Z","timestamp_acquired":"2024-05-01T10:00:00.123+01:00",
                  "store_ids":["web"],"properties":{"tier":"gold"},
                  "channels":{"sms":{"allow_marketing":true,"dt_updated_marketing":"2024-05-01T10:00:00+00:00"}}}]""");
        client.push("""
                [{"@type":"order","id":"O-9","timestamp":"2023-05-25T15:32:52+00:00","currency":"GBP","grand_total":12.5,
                  "customer":{"id":"u1","email":"ann@example.com"},"billing_address":{"country_code":"FR","city":"Paris"},
                  "lineitems":[{"product_id":"P-9","quantity":1,"subtotal":12.5,
                                "variant_options":[{"id":"s","type":"size","label":"M"}]}]}]""");
        client.push("""
                [{"@type":"product","id":"P-9","title":"Lamp","price":12.5,"is_active":true,"stores":["web"],
                  "attributes":[{"type":"colour","value":"red"}],"special_price_dt_from":"2024-06-01"}]""");
        client.push("""
                [{"@type":"custom_event","id":"E-9","event_type":"basket_abandoned","timestamp":"2024-05-01T10:00:00Z",
                  "identity_email":"ann@example.com","properties":{"sku":"P-9"}}]""");

        assertThat(simulator.errors()).isEmpty();
        assertThat(simulator.recordCount()).isEqualTo(4);
    }

    @Test
    void checksLineItemMinimumFieldsAndVariantOptionTriples() {
        client.push("""
                [{"@type":"order","id":"O-2","lineitems":[
                   {"product_id":"P-1","quantity":1,"unit_price":5},
                   {"quantity":"2"},
                   {"product_id":"P-3","quantity":1,"subtotal":3,
                    "variant_options":[{"id":"c","type":"colour","label":"red"},{"id":"s","type":"size"}]}]}]""");

        assertThat(simulator.errors()).extracting(ValidationFailure::errorMessage, ValidationFailure::errorPath).containsExactly(
                tuple("required value is missing (one of product_id, product)", "root > lineitems > 1 > product_id"),
                tuple("required value is missing (one of unit_price, subtotal)", "root > lineitems > 1 > unit_price"),
                tuple("not a valid value", "root > lineitems > 1 > quantity"),
                tuple("required value is missing", "root > lineitems > 2 > variant_options > 1 > label"));
    }

    @Test
    void nullIsAlwaysAValidValueBecauseItDeletesTheField() {
        client.push("""
                [{"@type":"order","id":"O-3","currency":"GBP","lineitems":[{"product_id":"P","quantity":1,"subtotal":1}]}]""");
        client.push("""
                [{"@type":"order","id":"O-3","currency":null,"lineitems":null}]""");

        assertThat(simulator.errors()).isEmpty();
        assertThat(simulator.record("order", "O-3").has("currency")).isFalse();
        assertThat(simulator.record("order", "O-3").has("lineitems")).isFalse();
    }

    @Test
    void truncatesALongEventTypeAsOmetriaDoesAndSaysSo() {
        client.push("""
                [{"@type":"custom_event","id":"E-2","event_type":"a_custom_event_type_of_forty_chars_long"}]""");

        assertThat(simulator.record("custom_event", "E-2").get("event_type").asText())
                .isEqualTo("a_custom_event_type_of_forty_cha").hasSize(32);
        assertThat(simulator.errors()).extracting(ValidationFailure::errorMessage, ValidationFailure::errorPath)
                .containsExactly(tuple("value truncated to 32 characters", "root > event_type"));
    }

    @Test
    void errorsEndpointListsThe100MostRecentNewestFirst() {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 100; i++) {
            body.append(i == 0 ? "" : ",").append("{\"@type\":\"product\",\"id\":\"P").append(i).append("\",\"price\":\"x\"}");
        }
        client.push(body.append(']').toString());
        client.push("[{\"@type\":\"product\",\"id\":\"LAST\",\"title\":7}]");
        simulator.awaitIdle();

        JsonNode listed = PushClient.json(client.errors());

        assertThat(simulator.errors()).hasSize(101);
        assertThat(listed).hasSize(100);
        assertThat(listed.get(0).get("error_path").asText()).isEqualTo("root > title");
        assertThat(listed.get(99).get("error_path").asText()).isEqualTo("root > price");
        assertThat(listed.get(0).fieldNames()).toIterable().containsExactly("error_message", "error_path");
    }

    @Test
    void errorsEndpointRequiresTheKey() {
        HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(
                simulator.baseUri().resolve("/v2/push/_errors")).GET().build());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void reportsUnknownFieldsOnlyWhenAskedTo() {
        client.push("[{\"@type\":\"product\",\"id\":\"P\",\"colour\":\"red\"}]");
        assertThat(simulator.errors()).isEmpty();

        try (OmetriaSimulator strict = OmetriaSimulator.builder().https(false).reportUnknownFields(true).start()) {
            new PushClient(strict).push("[{\"@type\":\"product\",\"id\":\"P\",\"colour\":\"red\"}]");

            assertThat(strict.errors()).extracting(ValidationFailure::errorMessage, ValidationFailure::errorPath)
                    .containsExactly(tuple("unknown field", "root > colour"));
        }
    }
}
