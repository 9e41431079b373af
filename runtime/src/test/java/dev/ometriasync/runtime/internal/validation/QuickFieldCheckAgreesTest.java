package dev.ometriasync.runtime.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.runtime.InvalidFieldPolicy;
import dev.ometriasync.runtime.OmetriaRecord;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The validator skips the full check of a field when {@link FragmentCheck} finds nothing to say about the
 * field's bytes. That shortcut must never change a verdict: each record here is validated twice, once as read
 * from JSON (shortcut allowed) and once built from raw text (every field parsed and checked in full), and the
 * two verdicts — record sent, dropped, warned and truncated fields, or the rejection — must be the same.
 */
class QuickFieldCheckAgreesTest {

    static Stream<Arguments> records() {
        String contact = "{\"@type\":\"contact\",\"@collection\":\"webshop\",\"id\":\"C-1\",";
        String order = "{\"@type\":\"order\",\"id\":\"ORD-1\",";
        String product = "{\"@type\":\"product\",\"id\":\"P-1\",";
        String event = "{\"@type\":\"custom_event\",\"id\":\"E-1\",\"timestamp\":\"2023-05-25T15:32:52+00:00\","
                + "\"identity_email\":\"jane@example.com\",";
        List<String> json = List.of(
                contact + "\"email\":\"jane@example.com\",\"phone_number\":\"+447911123456\",\"country_id\":\"GB\"}",
                contact + "\"email\":\"jane@\",\"phone_number\":\"+447700900123\",\"country_id\":\"UK\"}",
                contact + "\"email\":\"ja\\u006ee@example.com\",\"firstname\":\"J\\\"o\"}",
                contact + "\"customer_id\":123,\"store_ids\":[\"uk\",7],\"date_of_birth\":\"1990-02-30\"}",
                contact + "\"store_ids\":[\"uk\",\"i e\"],\"marketing_optin\":\"YES\",\"timestamp_acquired\":\"2024-03-01\"}",
                contact + "\"store_ids\":[\"uk\",null],\"channels\":{\"sms\":{\"allow_marketing\":true}},\"favourite\":\"tea\"}",
                contact + "\"email\":null,\"lastname\":null,\"properties\":{\"a\":[1,{\"b\":null}]}}",
                contact + "\"firstname\":12,\"lastname\":true,\"properties\":\"x\"}",
                order + "\"currency\":\"EUR\",\"grand_total\":99.90,\"is_valid\":true,"
                        + "\"customer\":{\"id\":\"C-1\",\"email\":\"jane@example.com\"},"
                        + "\"lineitems\":[{\"product_id\":\"P-1\",\"quantity\":2,\"unit_price\":49.95,"
                        + "\"variant_options\":[{\"id\":\"V-1\",\"type\":\"size\",\"label\":\"M\"}]}]}",
                order + "\"currency\":\"EURO\",\"grand_total\":\"99.90\",\"is_valid\":\"yes\"}",
                order + "\"customer\":{\"id\":42,\"shoe_size\":9},\"lineitems\":[{\"product_id\":1001,\"quantity\":1,\"unit_price\":2}]}",
                order + "\"lineitems\":[{\"product_id\":null,\"quantity\":1,\"unit_price\":2}]}",
                order + "\"lineitems\":[{\"product_id\":\"P-1\",\"quantity\":1}]}",
                order + "\"lineitems\":[{\"product_id\":\"P-1\",\"quantity\":1,\"unit_price\":2,"
                        + "\"variant_options\":[{\"id\":\"V-1\",\"type\":\"size\"}]}]}",
                order + "\"lineitems\":[{\"product_id\":\"P-1\",\"quantity\":1,\"unit_price\":2},7]}",
                order + "\"lineitems\":{\"product_id\":\"P-1\"},\"shipping_address\":[]}",
                order + "\"shipping_address\":{\"city\":\"Leeds\",\"country_code\":\"XX\"},\"timestamp\":\"yesterday\"}",
                order + "\"timestamp\":\"2023-05-25T15:32:52Z\",\"grand_total\":1e3,\"tax\":-0.5}",
                product + "\"title\":\"Lamp\",\"price\":12.50,\"currency\":\"GBP\",\"is_active\":true}",
                product + "\"title\":\"Lamp\",\"price\":\"12.50\",\"currency\":\"XTS\",\"listings\":[{\"store_id\":\"uk\"}]}",
                product + "\"listings\":[{\"price\":3}],\"attributes\":[{\"type\":\"colour\",\"value\":\"red\"},{\"id\":\"a\"}]}",
                event + "\"event_type\":\"basket_abandoned\"}",
                event + "\"event_type\":\"basket_abandoned_with_a_long_name_indeed\"}",
                event + "\"event_type\":\"basket_\\u00e4bandoned_with_a_long_name_indeed_\\\"quoted\\\"\"}",
                event + "\"event_type\":\"\"}",
                "{\"@type\":\"custom_event\",\"id\":\"E-2\",\"event_type\":\"x\"}",
                "{\"@type\":\"order\",\"id\":\"ORD 1\",\"is_valid\":true}");
        return json.stream().flatMap(text -> Stream.of(true, false).flatMap(full -> Stream.of(InvalidFieldPolicy.values())
                .map(policy -> Arguments.of(text, full, policy))));
    }

    @ParameterizedTest
    @MethodSource("records")
    void theQuickCheckNeverChangesAVerdict(String json, boolean full, InvalidFieldPolicy policy) {
        RecordValidator validator = new RecordValidator(policy);
        OmetriaRecord read = OmetriaRecord.parse(json, full);
        OmetriaRecord fromRawText = new OmetriaRecord(read.key(), full, read.fields());
        assertThat(fromRawText).isEqualTo(read);

        ValidationResult quick = validator.validate(read);
        ValidationResult thorough = validator.validate(fromRawText);

        assertThat(quick).isEqualTo(thorough);
    }
}
