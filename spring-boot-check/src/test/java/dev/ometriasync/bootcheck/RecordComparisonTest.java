package dev.ometriasync.bootcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison that ShopSyncTest relies on finds every kind of difference, and only differences. */
class RecordComparisonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }

    @Test
    void equalRecordsHaveNoDifference() throws Exception {
        ObjectNode db = json("""
                {"@type":"order","id":"1","grand_total":12.50,"timestamp":"2026-01-02T03:04:05.123456Z",
                 "lineitems":[{"product_id":"A","quantity":2}],"properties":{"gift_wrap":false}}""");
        ObjectNode ometria = json("""
                {"properties":{"gift_wrap":false},"lineitems":[{"quantity":2,"product_id":"A"}],
                 "timestamp":"2026-01-02T03:04:05.123456+00:00","grand_total":12.5,"id":"1","@type":"order"}""");

        assertThat(RecordComparison.differences("order", List.of(db), List.of(ometria))).isEmpty();
    }

    @Test
    void everyKindOfDifferenceIsReported() throws Exception {
        ObjectNode db = json("""
                {"@type":"order","id":"1","status":"CANCELLED","grand_total":20,"timestamp":"2026-01-02T03:04:05Z",
                 "lineitems":[{"product_id":"A","quantity":2},{"product_id":"B","quantity":1}],"currency":"GBP"}""");
        ObjectNode ometria = json("""
                {"@type":"order","id":"1","status":"PLACED","grand_total":12.5,"timestamp":"2026-01-02T04:04:05Z",
                 "lineitems":[{"product_id":"A","quantity":2}],"is_valid":true}""");

        assertThat(RecordComparison.differences("order", List.of(db, json("{\"@type\":\"order\",\"id\":\"2\"}")),
                List.of(ometria, json("{\"@type\":\"order\",\"id\":\"3\"}"))))
                .containsExactlyInAnyOrder(
                        "order 1.status: database \"CANCELLED\", Ometria \"PLACED\"",
                        "order 1.grand_total: database 20, Ometria 12.5",
                        "order 1.timestamp: database \"2026-01-02T03:04:05Z\", Ometria \"2026-01-02T04:04:05Z\"",
                        "order 1.lineitems: database has 2 elements [{\"product_id\":\"A\",\"quantity\":2},"
                                + "{\"product_id\":\"B\",\"quantity\":1}], Ometria 1 [{\"product_id\":\"A\",\"quantity\":2}]",
                        "order 1.currency: database \"GBP\", Ometria has no value",
                        "order 1.is_valid: database has no value, Ometria holds true",
                        "order 2: in the database, not in Ometria",
                        "order 3: in Ometria, not in the database: {\"@type\":\"order\",\"id\":\"3\"}");
    }

    @Test
    void nestedValuesAreComparedToo() throws Exception {
        ObjectNode db = json("{\"id\":\"1\",\"customer\":{\"email\":\"a@example.com\"},\"lineitems\":[{\"quantity\":2}]}");
        ObjectNode ometria = json("{\"id\":\"1\",\"customer\":{\"email\":\"b@example.com\"},\"lineitems\":[{\"quantity\":3}]}");

        assertThat(RecordComparison.differences("order", List.of(db), List.of(ometria))).containsExactly(
                "order 1.customer.email: database \"a@example.com\", Ometria \"b@example.com\"",
                "order 1.lineitems[0].quantity: database 2, Ometria 3");
    }
}
