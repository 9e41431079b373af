package dev.ometriasync.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ometriasync.schema.RecordType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OmetriaRecordTest {

    @Test
    void parseSplitsKeyFromFieldsAndKeepsRawValuesInOrder() {
        OmetriaRecord record = OmetriaRecord.parse(
                "{\"@type\":\"contact\",\"@collection\":\"shop\",\"id\":\"42\",\"email\":\"a@b.com\","
                        + "\"properties\":{\"tier\":\"gold\",\"n\":[1,2]},\"lastname\":null}", false);

        assertThat(record.key()).isEqualTo(new RecordKey(RecordType.CONTACT, "shop", "42"));
        assertThat(record.isFull()).isFalse();
        assertThat(record.fields()).containsExactly(
                Map.entry("email", "\"a@b.com\""),
                Map.entry("properties", "{\"tier\":\"gold\",\"n\":[1,2]}"),
                Map.entry("lastname", "null"));
    }

    @Test
    void toJsonRoundTripsWhatParseRead() {
        String json = "{\"@type\":\"order\",\"id\":\"ORD-1\",\"grand_total\":12.50,"
                + "\"lineitems\":[{\"product_id\":\"P1\",\"quantity\":2}],\"is_valid\":true}";

        assertThat(OmetriaRecord.parse(json, true).toJson()).isEqualTo(json);
    }

    @Test
    void partialMergeKeepsEarlierFieldsAndLetsLaterValuesWin() {
        OmetriaRecord first = OmetriaRecord.parse("{\"@type\":\"product\",\"id\":\"P1\",\"title\":\"Old\",\"price\":10}", true);
        OmetriaRecord second = OmetriaRecord.parse("{\"@type\":\"product\",\"id\":\"P1\",\"price\":12,\"is_active\":false}", false);

        OmetriaRecord merged = first.mergedWith(second);

        assertThat(merged.isFull()).isTrue();
        assertThat(merged.fields()).containsExactly(
                Map.entry("title", "\"Old\""), Map.entry("price", "12"), Map.entry("is_active", "false"));
    }

    @Test
    void nestedObjectsAreReplacedWholeNotMergedField() {
        OmetriaRecord first = OmetriaRecord.parse("{\"@type\":\"contact\",\"id\":\"1\",\"properties\":{\"a\":1,\"b\":2}}", false);
        OmetriaRecord second = OmetriaRecord.parse("{\"@type\":\"contact\",\"id\":\"1\",\"properties\":{\"b\":3}}", false);

        assertThat(first.mergedWith(second).fields()).containsExactly(Map.entry("properties", "{\"b\":3}"));
    }

    @Test
    void aFullRecordReplacesWhateverWasQueued() {
        OmetriaRecord partial = OmetriaRecord.parse("{\"@type\":\"contact\",\"id\":\"1\",\"lastname\":null}", false);
        OmetriaRecord full = OmetriaRecord.parse("{\"@type\":\"contact\",\"id\":\"1\",\"email\":\"x@y.org\"}", true);

        assertThat(partial.mergedWith(full)).isEqualTo(full);
    }

    @Test
    void mergingDifferentKeysIsRefused() {
        OmetriaRecord one = OmetriaRecord.parse("{\"@type\":\"contact\",\"@collection\":\"a\",\"id\":\"1\"}", true);
        OmetriaRecord other = OmetriaRecord.parse("{\"@type\":\"contact\",\"@collection\":\"b\",\"id\":\"1\"}", true);

        assertThatThrownBy(() -> one.mergedWith(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contact@b:1").hasMessageContaining("contact@a:1");
    }

    @Test
    void parseExplainsWhatIsMissing() {
        assertThatThrownBy(() -> OmetriaRecord.parse("{\"id\":\"1\"}", true))
                .hasMessage("The record has no @type");
        assertThatThrownBy(() -> OmetriaRecord.parse("{\"@type\":\"order\",\"status\":\"x\"}", true))
                .hasMessage("The order record has no id");
        assertThatThrownBy(() -> OmetriaRecord.parse("[]", true))
                .hasMessage("An Ometria record must be a JSON object");
        assertThatThrownBy(() -> OmetriaRecord.parse("{\"@type\":\"profile\",\"id\":\"1\"}", true))
                .hasMessageContaining("Unknown Ometria @type 'profile'");
    }

    @Test
    void toStringShowsKeyAndFieldNamesButNoValues() {
        OmetriaRecord record = OmetriaRecord.parse("{\"@type\":\"contact\",\"id\":\"7\",\"email\":\"jane@example.com\"}", false);

        assertThat(record.toString()).isEqualTo("partial contact:7 [email]").doesNotContain("jane");
    }

    @Test
    void reservedFieldsCannotBePassedAsFields() {
        assertThatThrownBy(() -> new OmetriaRecord(new RecordKey(RecordType.ORDER, null, "1"), true, Map.of("id", "\"2\"")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id");
    }
}
