package dev.ometriasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ometria's push merge rules as the simulator stores them. */
class MergeSemanticsTest {

    private final OmetriaSimulator simulator = OmetriaSimulator.builder().https(false).start();
    private final PushClient client = new PushClient(simulator);

    @AfterEach
    void close() {
        simulator.close();
    }

    @Test
    void partialRecordUpdatesOnlyTheFieldsItCarries() {
        push("""
                [{"@type":"order","id":"O-1","status":"pending","grand_total":12.50,"currency":"GBP"}]""");
        push("""
                [{"@type":"order","id":"O-1","status":"cancelled","is_valid":false}]""");

        ObjectNode order = simulator.record("order", "O-1");

        assertThat(order.get("status").asText()).isEqualTo("cancelled");
        assertThat(order.get("is_valid").asBoolean()).isFalse();
        assertThat(order.get("currency").asText()).isEqualTo("GBP");
        assertThat(order.get("grand_total").decimalValue()).isEqualTo(new BigDecimal("12.50"));
        assertThat(simulator.recordCount("order")).isEqualTo(1);
    }

    @Test
    void jsonNullDeletesTheStoredFieldButTheStringNullIsStoredAsText() {
        push("""
                [{"@type":"contact","id":"C-1","email":"ann@example.com","firstname":"Ann","lastname":"Lee"}]""");
        push("""
                [{"@type":"contact","id":"C-1","firstname":null,"lastname":"null"}]""");

        ObjectNode contact = simulator.contact(null, "C-1");

        assertThat(contact.has("firstname")).isFalse();
        assertThat(contact.get("lastname").isTextual()).isTrue();
        assertThat(contact.get("lastname").asText()).isEqualTo("null");
        assertThat(contact.get("email").asText()).isEqualTo("ann@example.com");
    }

    @Test
    void arraysAreReplacedWholeNotAppendedOrMergedByIndex() {
        push("""
                [{"@type":"order","id":"O-2","lineitems":[
                   {"product_id":"P-1","quantity":1,"unit_price":5},
                   {"product_id":"P-2","quantity":2,"unit_price":7}]}]""");
        push("""
                [{"@type":"order","id":"O-2","lineitems":[{"product_id":"P-3","quantity":3,"subtotal":9}]}]""");

        ObjectNode order = simulator.record("order", "O-2");

        assertThat(order.get("lineitems")).hasSize(1);
        assertThat(order.get("lineitems").get(0).get("product_id").asText()).isEqualTo("P-3");
        assertThat(order.get("lineitems").get(0).has("unit_price")).isFalse();
    }

    @Test
    void nestedObjectsAreReplacedWhole() {
        push("""
                [{"@type":"contact","id":"C-2","properties":{"tier":"gold","points":10},
                  "channels":{"sms":{"allow_marketing":true,"allow_transactional":true}}}]""");
        push("""
                [{"@type":"contact","id":"C-2","properties":{"tier":"silver"},
                  "channels":{"sms":{"allow_marketing":false}}}]""");

        ObjectNode contact = simulator.contact(null, "C-2");

        assertThat(contact.get("properties").toString()).isEqualTo("{\"tier\":\"silver\"}");
        assertThat(contact.get("channels").toString()).isEqualTo("{\"sms\":{\"allow_marketing\":false}}");
    }

    @Test
    void contactsAreKeyedByCollectionOtherTypesIgnoreIt() {
        push("""
                [{"@type":"contact","@collection":"webshop","id":"7","firstname":"Web"},
                 {"@type":"contact","@collection":"pos","id":"7","firstname":"Till"},
                 {"@type":"contact","id":"7","firstname":"None"}]""");

        assertThat(simulator.contact("webshop", "7").get("firstname").asText()).isEqualTo("Web");
        assertThat(simulator.contact("pos", "7").get("firstname").asText()).isEqualTo("Till");
        assertThat(simulator.contact(null, "7").get("firstname").asText()).isEqualTo("None");
        assertThat(simulator.recordCount("contact")).isEqualTo(3);
        assertThat(simulator.records("contact")).extracting(node -> node.path("@collection").asText(""))
                .containsExactly("webshop", "pos", "");
    }

    @Test
    void sameIdOfDifferentTypesAreDifferentRecords() {
        push("""
                [{"@type":"product","id":"X","title":"Lamp"}]""");
        push("""
                [{"@type":"order","id":"X","status":"pending"}]""");

        assertThat(simulator.record("product", "X").get("title").asText()).isEqualTo("Lamp");
        assertThat(simulator.record("order", "X").has("title")).isFalse();
        assertThat(simulator.recordCount()).isEqualTo(2);
    }

    @Test
    void laterRequestsWinInArrivalOrderAndWithinOneRequestLaterRecordsWin() {
        push("""
                [{"@type":"product","id":"P","price":1},{"@type":"product","id":"P","price":2}]""");
        push("""
                [{"@type":"product","id":"P","price":3,"title":"T"}]""");

        assertThat(simulator.record("product", "P").get("price").asInt()).isEqualTo(3);
        assertThat(simulator.record("product", "P").get("title").asText()).isEqualTo("T");
    }

    @Test
    void acknowledgesBeforeStoring() {
        simulator.pauseValidation();

        push("""
                [{"@type":"product","id":"LATER","title":"Lamp"}]""");

        assertThat(simulator.record("product", "LATER")).as("acknowledged, not yet validated").isNull();
        simulator.resumeValidation();
        simulator.awaitIdle();
        assertThat(simulator.record("product", "LATER").get("title").asText()).isEqualTo("Lamp");
    }

    @Test
    void accessorsReturnCopies() {
        push("""
                [{"@type":"product","id":"P","title":"Lamp"}]""");

        simulator.record("product", "P").put("title", "changed by a test");

        assertThat(simulator.record("product", "P").get("title").asText()).isEqualTo("Lamp");
    }

    private void push(String body) {
        assertThat(client.push(body).statusCode()).isEqualTo(200);
    }
}
