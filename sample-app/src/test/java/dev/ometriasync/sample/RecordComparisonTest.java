package dev.ometriasync.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordComparisonTest {

    @Test
    void equalRecordsMatchWhateverTheFieldOrderAndNumberScale() {
        RecordComparison comparison = new RecordComparison("order", null, "1",
                StateComparison.parse("{\"@type\":\"order\",\"id\":\"1\",\"grand_total\":12.50,\"lineitems\":[{\"quantity\":1}]}"),
                StateComparison.parse("{\"id\":\"1\",\"@type\":\"order\",\"lineitems\":[{\"quantity\":1.0}],\"grand_total\":12.5}"));
        assertThat(comparison.matches()).isTrue();
        assertThat(comparison.differences()).isEmpty();
    }

    @Test
    void namesEveryDifferingMissingOrExtraField() {
        RecordComparison comparison = new RecordComparison("contact", "shop", "7",
                StateComparison.parse("{\"@type\":\"contact\",\"id\":\"7\",\"email\":\"a@example.com\",\"lastname\":\"Hopper\","
                        + "\"properties\":{\"tier\":\"gold\"}}"),
                StateComparison.parse("{\"@type\":\"contact\",\"id\":\"7\",\"email\":\"b@example.com\",\"firstname\":\"Grace\","
                        + "\"properties\":{\"tier\":\"gold\",\"extra\":1}}"));
        assertThat(comparison.matches()).isFalse();
        assertThat(comparison.differences()).containsExactly("email", "lastname", "properties", "firstname");
        assertThat(comparison.label()).isEqualTo("contact 7 (shop)");
    }

    @Test
    void aRecordOmetriaDoesNotHoldNeverMatches() {
        RecordComparison comparison = new RecordComparison("product", null, "SKU-1",
                StateComparison.parse("{\"@type\":\"product\",\"id\":\"SKU-1\"}"), null);
        assertThat(comparison.matches()).isFalse();
        assertThat(comparison.differences()).containsExactly("@type", "id");
    }

    @Test
    void arraysCompareInOrderAndTypesStrictly() {
        assertThat(JsonEquality.equal(StateComparison.parse("{\"a\":[1,2]}"), StateComparison.parse("{\"a\":[2,1]}"))).isFalse();
        assertThat(JsonEquality.equal(StateComparison.parse("{\"a\":\"1\"}"), StateComparison.parse("{\"a\":1}"))).isFalse();
        assertThat(JsonEquality.equal(StateComparison.parse("{\"a\":true}"), StateComparison.parse("{\"a\":true}"))).isTrue();
    }
}
