package dev.ometriasync.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link OmetriaRecord#parse} keeps every raw value intact, whatever its JSON kind. */
class OmetriaRecordParseTest {

    @Test
    void keepsRawValuesOfEveryKind() {
        String json = "{\"@type\":\"order\",\"id\":\"ORD-1\",\"currency\":\"EUR\",\"note\":\"say \\\"hi\\\" \\u00e9\","
                + "\"grand_total\":12.50,\"is_valid\":false,\"web_id\":null,"
                + "\"customer\":{\"email\":\"a@b.example\",\"id\":\"C-1\"},\"tags\":[\"x\",\"y\"],\"tax\":3}";

        OmetriaRecord record = OmetriaRecord.parse(json, true);

        assertThat(record.fields()).containsExactly(
                entry("currency", "\"EUR\""),
                entry("note", "\"say \\\"hi\\\" \\u00e9\""),
                entry("grand_total", "12.50"),
                entry("is_valid", "false"),
                entry("web_id", "null"),
                entry("customer", "{\"email\":\"a@b.example\",\"id\":\"C-1\"}"),
                entry("tags", "[\"x\",\"y\"]"),
                entry("tax", "3"));
        assertThat(record.toJson()).isEqualTo(json);
    }

    private static java.util.Map.Entry<String, String> entry(String key, String value) {
        return java.util.Map.entry(key, value);
    }
}
