package dev.ometriasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator follows Ometria's documented facts (added 2026-12-01): libphonenumber validation, circulating
 * currencies, custom events tied to no contact, embedded line-item products, product attributes and listings,
 * numeric ids (in {@code PushLimitsTest}), the draining backlog (in {@code RateLimitTest}), a configurable success
 * status.
 */
class OmetriaFactsTest {

    private final OmetriaSimulator simulator = OmetriaSimulator.builder().https(false).start();
    private final PushClient client = new PushClient(simulator);

    @AfterEach
    void close() {
        simulator.close();
    }

    @Test
    void phoneNumbersAreCheckedWithLibphonenumberAsOmetriaDoes() {
        // "+12" has the E.164 shape, yet no region uses it: Ometria refuses it later, listed at _errors.
        client.push("""
                [{"@type":"contact","id":"C-1","email":"ann@example.com","phone_number":"+12"},
                 {"@type":"contact","id":"C-2","email":"bob@example.com","phone_number":"+447400123456"},
                 {"@type":"contact","id":"C-3","email":"cy@example.com","phone_number":"+14155552671"}]""");

        assertThat(simulator.errors()).extracting(ValidationFailure::recordId, ValidationFailure::errorPath)
                .containsExactly(tuple("C-1", "root > phone_number"));
        assertThat(simulator.contact(null, "C-2")).isNotNull();
        assertThat(simulator.contact(null, "C-3")).isNotNull();
    }

    @Test
    void aContactWhosePhoneNumberIsItsOnlyIdentifierIsStored() {
        // Ometria's SMS double opt-in via API.
        client.push("""
                [{"@type":"contact","@collection":"optin:sms","id":"S-1","phone_number":"+447400123456",
                  "channels":{"sms":{"allow_marketing":true,"dt_updated_marketing":"2024-05-01T10:00:00+00:00"}}}]""");

        assertThat(simulator.errors()).isEmpty();
        assertThat(simulator.contact("optin:sms", "S-1").get("phone_number").asText()).isEqualTo("+447400123456");
    }

    @Test
    void currenciesMustBeCirculating() {
        client.push("""
                [{"@type":"order","id":"O-1","currency":"XXX"},{"@type":"order","id":"O-2","currency":"XTS"},
                 {"@type":"order","id":"O-3","currency":"XAU"},{"@type":"order","id":"O-4","currency":"XOF"},
                 {"@type":"order","id":"O-5","currency":"EUR"}]""");

        assertThat(simulator.errors()).extracting(ValidationFailure::recordId).containsExactly("O-1", "O-2", "O-3");
        assertThat(simulator.records("order")).extracting(order -> order.get("id").asText()).containsExactly("O-4", "O-5");
    }

    @Test
    void aCustomEventWithoutIdentityIsKeptButTiedToNoContact() {
        // Ometria queues it and attaches it to no one: stored, not an _errors entry, listed as such.
        client.push("""
                [{"@type":"custom_event","id":"E-1","event_type":"basket_abandoned","timestamp":"2024-05-01T10:00:00Z"},
                 {"@type":"custom_event","id":"E-2","event_type":"basket_abandoned","identity_email":"ann@example.com"},
                 {"@type":"custom_event","id":"E-3","event_type":"basket_abandoned","identity_account_id":42},
                 {"@type":"custom_event","id":"E-4","event_type":"basket_abandoned","profile_id":"PR-1"}]""");

        assertThat(simulator.errors()).isEmpty();
        assertThat(simulator.recordCount("custom_event")).isEqualTo(4);
        assertThat(simulator.eventsWithoutContact()).extracting(event -> event.get("id").asText()).containsExactly("E-1");
    }

    @Test
    void a33CharacterEventTypeIsTruncatedNotRefused() {
        client.push("""
                [{"@type":"custom_event","id":"E-5","event_type":"basket_abandoned_with_a_long_name",
                  "identity_email":"ann@example.com"}]""");

        assertThat(simulator.record("custom_event", "E-5").get("event_type").asText()).isEqualTo("basket_abandoned_with_a_long_nam");
        assertThat(simulator.errors()).extracting(ValidationFailure::errorMessage, ValidationFailure::errorPath)
                .containsExactly(tuple("value truncated to 32 characters", "root > event_type"));
    }

    @Test
    void aLineItemMayEmbedItsProduct() {
        // "it is possible to add the products object inside of the orders object".
        client.push("""
                [{"@type":"order","id":"O-1","lineitems":[
                   {"product":{"id":"P-1","sku":"LAMP","title":"Desk lamp","price":49.9,"base_price":41.58},
                    "quantity":1,"unit_price":49.9,"totals":{"net":41.58,"tax":8.32}},
                   {"product":{"title":"no id"},"quantity":1,"unit_price":1},
                   {"sku":"neither","quantity":1,"unit_price":1}]}]""");

        assertThat(simulator.errors()).extracting(ValidationFailure::errorMessage, ValidationFailure::errorPath).containsExactly(
                tuple("required value is missing", "root > lineitems > 1 > product > id"),
                tuple("required value is missing (one of product_id, product)", "root > lineitems > 2 > product_id"));
    }

    @Test
    void productAttributesListingsAndCurrencyHaveOmetriasShape() {
        client.push("""
                [{"@type":"product","id":"P-1","currency":"GBP","special_price_dt_from":"2024-06-01",
                  "attributes":[{"type":"colour","id":"12","label":"Red"},{"type":"material","value":"brass"}],
                  "listings":[{"store_id":"uk","title":"Lamp","url":"https://shop.example/uk/lamp","price":49.9,
                               "special_price":39.9,"store_currency":"GBP","is_active":true}]},
                 {"@type":"product","id":"P-2","attributes":[{"id":"12"},{"type":"colour","label":"Red"}],
                  "listings":[{"price":1,"store_currency":"XTS"}],"special_price_dt_to":"2024-06-30T23:59:59Z"}]""");

        assertThat(simulator.errors()).extracting(ValidationFailure::recordId, ValidationFailure::errorMessage, ValidationFailure::errorPath)
                .containsExactly(
                        tuple("P-2", "required value is missing", "root > attributes > 0 > type"),
                        tuple("P-2", "required value is missing (one of id, value)", "root > attributes > 1 > id"),
                        tuple("P-2", "required value is missing", "root > listings > 0 > store_id"),
                        tuple("P-2", "not a valid value", "root > listings > 0 > store_currency"),
                        tuple("P-2", "not a valid value", "root > special_price_dt_to"));
        assertThat(simulator.record("product", "P-1")).isNotNull();
    }

    @Test
    void listIdsAreIds() {
        client.push("""
                [{"@type":"contact","id":"C-1","email":"ann@example.com","@add_to_lists":["news",12],
                  "@remove_from_lists":[{"id":3}]}]""");

        assertThat(simulator.errors()).extracting(ValidationFailure::errorPath).containsExactly("root > @remove_from_lists");
    }

    @Test
    void theSuccessStatusIsConfigurableWhereOmetriaIsAmbiguous() {
        // Ometria documents the body of a successful push, not its status; one production client requires 202.
        try (OmetriaSimulator accepting = OmetriaSimulator.builder().https(false).successStatus(202).start()) {
            HttpResponse<String> response = new PushClient(accepting).push(PushClient.orders("A", 2));

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(PushClient.json(response).get("status").asText()).isEqualTo("OK");
            assertThat(PushClient.json(response).get("accepted").asInt()).isEqualTo(2);
        }
        assertThat(client.push(PushClient.orders("B", 1)).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> OmetriaSimulator.builder().successStatus(204))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("successStatus must be 200 or 202, got 204");
    }
}
