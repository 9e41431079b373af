package dev.ometriasync.runtime.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.runtime.InvalidFieldPolicy;
import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.RecordKey;
import dev.ometriasync.schema.OmetriaSchema;
import dev.ometriasync.schema.RecordType;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordValidatorTest {

    private final RecordValidator dropping = new RecordValidator(InvalidFieldPolicy.DROP_FIELD);
    private final RecordValidator rejecting = new RecordValidator(InvalidFieldPolicy.REJECT_RECORD);

    private static OmetriaRecord full(String json) {
        return OmetriaRecord.parse(json, true);
    }

    private static OmetriaRecord partial(String json) {
        return OmetriaRecord.parse(json, false);
    }

    private static OmetriaRecord order(String extraFields) {
        return full("{\"@type\":\"order\",\"id\":\"ORD-1\"" + (extraFields.isEmpty() ? "" : "," + extraFields) + "}");
    }

    private static OmetriaRecord contact(String extraFields) {
        return full("{\"@type\":\"contact\",\"@collection\":\"webshop\",\"id\":\"C-1\"," + extraFields + "}");
    }

    private static String line(String fields) {
        return "\"lineitems\":[{" + fields + "}]";
    }

    private static String rejection(ValidationResult result) {
        assertThat(result).isInstanceOf(ValidationResult.Rejected.class);
        return ((ValidationResult.Rejected) result).reason();
    }

    private static ValidationResult.Valid valid(ValidationResult result) {
        assertThat(result).isInstanceOf(ValidationResult.Valid.class);
        return (ValidationResult.Valid) result;
    }

    @Test
    void aCompleteValidOrderPassesUnchanged() {
        OmetriaRecord order = order("\"timestamp\":\"2023-05-25T15:32:52+00:00\",\"currency\":\"EUR\",\"grand_total\":99.90,"
                + "\"is_valid\":true,\"customer\":{\"id\":\"C-1\",\"email\":\"jane.doe@example.com\",\"firstname\":\"Jane\"},"
                + "\"shipping_address\":{\"city\":\"Leeds\",\"country_code\":\"GB\"},"
                + line("\"product_id\":\"P-1\",\"quantity\":2,\"unit_price\":49.95,"
                        + "\"variant_options\":[{\"id\":\"V-1\",\"type\":\"size\",\"label\":\"M\"}]")
                + ",\"properties\":{\"gift\":true}");

        ValidationResult.Valid result = valid(dropping.validate(order));

        assertThat(result.record()).isSameAs(order);
        assertThat(result.droppedFields()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @Nested
    class Ids {
        @Test
        void anIdWithASpaceIsRejectedWhateverThePolicy() {
            OmetriaRecord record = full("{\"@type\":\"order\",\"id\":\"ORD 1\",\"currency\":\"EUR\"}");

            assertThat(rejection(dropping.validate(record)))
                    .isEqualTo("order 'ORD 1': id must not contain whitespace (Ometria ids are strings without spaces)");
            assertThat(rejection(rejecting.validate(record))).startsWith("order 'ORD 1': id must not contain whitespace");
        }

        @ParameterizedTest
        @ValueSource(strings = {"A\tB", "A\nB", "A\u00a0B", " AB"})
        void anyKindOfWhitespaceIsRejected(String id) {
            OmetriaRecord record = new OmetriaRecord(new RecordKey(RecordType.PRODUCT, null, id), true, Map.of());
            assertThat(rejection(dropping.validate(record))).contains("id must not contain whitespace");
        }

        @Test
        void anEmptyIdIsRejected() {
            OmetriaRecord record = new OmetriaRecord(new RecordKey(RecordType.PRODUCT, null, ""), true, Map.of());
            assertThat(rejection(dropping.validate(record)))
                    .isEqualTo("product '': id is empty; every Ometria record needs a non-empty string id");
        }

        @Test
        void aNestedIdWithWhitespaceIsAnInvalidOptionalField() {
            ValidationResult.Valid result = valid(dropping.validate(order("\"customer\":{\"id\":\"C 9\",\"firstname\":\"Jo\"}")));

            assertThat(result.record().fields()).containsEntry("customer", "{\"firstname\":\"Jo\"}");
            assertThat(result.droppedFields()).containsExactly(
                    "order ORD-1: field 'customer.id' value \"C 9\" contains whitespace, which Ometria ids must not; the field was left out");
        }
    }

    @Nested
    class Size {
        private OmetriaRecord productOfSize(int bytes) {
            String prefix = "{\"@type\":\"product\",\"id\":\"P-1\",\"title\":\"";
            String suffix = "\"}";
            return full(prefix + "x".repeat(bytes - prefix.length() - suffix.length()) + suffix);
        }

        @Test
        void aRecordOfExactly60KbIsAccepted() {
            OmetriaRecord record = productOfSize(OmetriaSchema.MAX_RECORD_BYTES);
            assertThat(record.toJson().length()).isEqualTo(61_440);
            valid(dropping.validate(record));
        }

        @Test
        void aRecordOverSixtyKbIsRejectedNamingItsLargestField() {
            OmetriaRecord record = order("\"currency\":\"EUR\"," + line("\"product_id\":\"P-1\",\"quantity\":1,\"unit_price\":1,"
                    + "\"properties\":{\"engraving\":\"" + "é".repeat(31_000) + "\"}"));

            assertThat(rejection(rejecting.validate(record))).isEqualTo("order ORD-1: Record is too large: 62140 bytes of UTF-8 JSON, "
                    + "Ometria accepts at most 61440 (60 KB) per record; the largest field is 'lineitems' (62080 bytes)");
            // Measured in UTF-8 bytes, not characters: 31,000 'é' are 62,000 bytes but only 31,000 chars.
            assertThat(record.toJson().length()).isLessThan(OmetriaSchema.MAX_RECORD_BYTES);
        }

        @Test
        void oneByteTooManyIsRejected() {
            assertThat(rejection(dropping.validate(productOfSize(OmetriaSchema.MAX_RECORD_BYTES + 1))))
                    .isEqualTo("product P-1: Record is too large: 61441 bytes of UTF-8 JSON, Ometria accepts at most 61440 (60 KB) "
                            + "per record; the largest field is 'title' (61402 bytes)");
        }

        @Test
        void sizeIsMeasuredAfterInvalidFieldsAreDropped() {
            String big = "\"title\":\"" + "x".repeat(61_000) + "\"";
            OmetriaRecord record = full("{\"@type\":\"product\",\"id\":\"P-1\"," + big + ",\"stores\":\"" + "y".repeat(1_000) + "\"}");

            ValidationResult.Valid result = valid(dropping.validate(record));

            assertThat(result.record().fields()).containsOnlyKeys("title");
            assertThat(rejection(rejecting.validate(record))).contains("field 'stores' must be an array of strings, not a string");
        }
    }

    @Nested
    class JsonTypes {
        @Test
        void aNumberSentAsAStringIsDroppedUnderDropField() {
            ValidationResult.Valid result = valid(dropping.validate(order("\"grand_total\":\"12.50\",\"currency\":\"EUR\"")));

            assertThat(result.record().fields()).containsOnlyKeys("currency");
            assertThat(result.droppedFields()).containsExactly(
                    "order ORD-1: field 'grand_total' must be a number, not a string; the field was left out");
        }

        @Test
        void aNumberSentAsAStringRejectsUnderRejectRecord() {
            assertThat(rejection(rejecting.validate(order("\"grand_total\":\"12.50\""))))
                    .isEqualTo("order ORD-1: field 'grand_total' must be a number, not a string (invalid-field policy REJECT_RECORD)");
        }

        @Test
        void eachJsonTypeIsChecked() {
            OmetriaRecord record = contact("\"firstname\":42,\"@force_optin\":\"yes\",\"store_ids\":[\"s1\",2],"
                    + "\"properties\":[1],\"channels\":{\"sms\":{\"allow_marketing\":1}},\"timestamp_acquired\":1700000000");

            ValidationResult.Valid result = valid(dropping.validate(record));

            assertThat(result.record().fields()).containsOnlyKeys("channels");
            assertThat(result.record().fields().get("channels")).isEqualTo("{\"sms\":{}}");
            assertThat(result.droppedFields()).containsExactly(
                    "contact C-1 in collection webshop: field 'firstname' must be a string, not a number; the field was left out",
                    "contact C-1 in collection webshop: field '@force_optin' must be a boolean (true or false), not a string; the field was left out",
                    "contact C-1 in collection webshop: field 'store_ids' must be an array of strings, but element [1] is a number; the field was left out",
                    "contact C-1 in collection webshop: field 'properties' must be an object, not an array; the field was left out",
                    "contact C-1 in collection webshop: field 'channels.sms.allow_marketing' must be a boolean (true or false), not a number; the field was left out",
                    "contact C-1 in collection webshop: field 'timestamp_acquired' must be an ISO-8601 date-time string, not a number; the field was left out");
        }

        @Test
        void nullClearsAnOptionalFieldAndIsValid() {
            OmetriaRecord record = partial("{\"@type\":\"contact\",\"id\":\"C-1\",\"phone_number\":null,\"channels\":null}");

            ValidationResult.Valid result = valid(rejecting.validate(record));

            assertThat(result.record()).isSameAs(record);
        }
    }

    @Nested
    class Formats {
        @Test
        void currencyMustBeAnIso4217Code() {
            assertThat(rejection(rejecting.validate(order("\"currency\":\"EURO\""))))
                    .isEqualTo("order ORD-1: field 'currency' value \"EURO\" is not an ISO 4217 currency code (invalid-field policy REJECT_RECORD)");
            assertThat(rejection(rejecting.validate(order("\"currency\":\"eur\"")))).contains("(did you mean \"EUR\"?)");
            assertThat(rejection(rejecting.validate(order("\"currency\":\"ABC\"")))).contains("not an ISO 4217 currency code");
        }

        @ParameterizedTest
        @ValueSource(strings = {"EUR", "GBP", "USD", "JPY", "CHF", "SEK"})
        void realCurrenciesPass(String code) {
            valid(rejecting.validate(order("\"currency\":\"" + code + "\"")));
        }

        @Test
        void countryMustBeAnIso3166Alpha2Code() {
            assertThat(rejection(rejecting.validate(contact("\"country_id\":\"UK\""))))
                    .contains("field 'country_id' value \"UK\" is not an ISO 3166-1 alpha-2 country code (the United Kingdom is \"GB\")");
            assertThat(rejection(rejecting.validate(order("\"billing_address\":{\"country_code\":\"de\"}"))))
                    .contains("field 'billing_address.country_code' value \"de\" is not an ISO 3166-1 alpha-2 country code (did you mean \"DE\"?)");
            assertThat(rejection(rejecting.validate(contact("\"country_id\":\"GBR\"")))).contains("not an ISO 3166-1 alpha-2");
            valid(rejecting.validate(contact("\"country_id\":\"GB\"")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"+447700900123", "+12", "+123456789012345", "+33612345678"})
        void e164PhoneNumbersPass(String phone) {
            valid(rejecting.validate(contact("\"phone_number\":\"" + phone + "\"")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"07700 900123", "+44 7700 900123", "447700900123", "+0447700900", "+1", "+1234567890123456", "+44-7700-900"})
        void otherPhoneNumbersAreDropped(String phone) {
            ValidationResult.Valid result = valid(dropping.validate(contact("\"phone_number\":\"" + phone + "\",\"firstname\":\"Jo\"")));

            assertThat(result.record().fields()).containsOnlyKeys("firstname");
            assertThat(result.droppedFields()).singleElement().asString()
                    .contains("field 'phone_number' is not an E.164 phone number")
                    .doesNotContain(phone);
        }

        @ParameterizedTest
        @ValueSource(strings = {"jane.doe@example", "jane doe@example.com", "jane.doe.example.com", "jane@@example.com", "@example.com"})
        void malformedEmailsAreDroppedWithoutBeingQuoted(String email) {
            ValidationResult.Valid result = valid(dropping.validate(contact("\"email\":\"" + email + "\",\"customer_id\":\"A-1\"")));

            assertThat(result.record().fields()).containsOnlyKeys("customer_id");
            assertThat(result.droppedFields()).containsExactly("contact C-1 in collection webshop: field 'email' is not an e-mail address "
                    + "(expected the shape local-part@domain, with a dot in the domain); the field was left out");
        }

        @Test
        void aWellFormedEmailPasses() {
            valid(rejecting.validate(contact("\"email\":\"jane.o'neil+shop@mail.example.co.uk\"")));
        }

        @Test
        void timestampsNeedAnOffset() {
            assertThat(rejection(rejecting.validate(order("\"timestamp\":\"2024-01-01T10:00:00\""))))
                    .contains("field 'timestamp' value \"2024-01-01T10:00:00\" is not an ISO-8601 date-time with offset (such as 2023-05-25T15:32:52+00:00)");
            valid(rejecting.validate(order("\"timestamp\":\"2024-01-01T10:00:00Z\"")));
            valid(rejecting.validate(order("\"timestamp\":\"2024-01-01T10:00:00.123+05:30\"")));
        }

        @Test
        void datesAreCalendarDates() {
            assertThat(rejection(rejecting.validate(contact("\"date_of_birth\":\"1990-02-30\""))))
                    .contains("field 'date_of_birth' value \"1990-02-30\" is not an ISO-8601 date (YYYY-MM-DD)");
            valid(rejecting.validate(contact("\"date_of_birth\":\"1990-02-28\"")));
        }

        @Test
        void marketingOptinTakesOmetriasValues() {
            assertThat(rejection(rejecting.validate(contact("\"marketing_optin\":\"true\""))))
                    .contains("field 'marketing_optin' value \"true\" is not one of EXPLICITLY_OPTEDIN, EXPLICITLY_OPTEDOUT, NOT_SPECIFIED");
            valid(rejecting.validate(contact("\"marketing_optin\":\"EXPLICITLY_OPTEDIN\"")));
        }
    }

    @Nested
    class CustomEvents {
        private OmetriaRecord event(String eventType) {
            return full("{\"@type\":\"custom_event\",\"id\":\"E-1\",\"event_type\":\"" + eventType + "\","
                    + "\"timestamp\":\"2023-05-25T15:32:52+00:00\",\"identity_email\":\"jane@example.com\"}");
        }

        @Test
        void anEventTypeOf32CharactersPasses() {
            valid(rejecting.validate(event("a".repeat(32))));
        }

        @Test
        void aLongerEventTypeRejectsWhateverThePolicy() {
            assertThat(rejection(dropping.validate(event("b".repeat(33)))))
                    .isEqualTo("custom_event E-1: field 'event_type' value \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb…\" is 33 characters long; "
                            .replace("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb…", "b".repeat(33))
                            + "Ometria keeps at most 32 and truncates longer event types");
        }

        @Test
        void aFullEventWithoutEventTypeIsRejected() {
            OmetriaRecord record = full("{\"@type\":\"custom_event\",\"id\":\"E-1\",\"timestamp\":\"2023-05-25T15:32:52Z\"}");
            assertThat(rejection(dropping.validate(record)))
                    .isEqualTo("custom_event E-1: field 'event_type' is missing; a custom_event requires it");
            OmetriaRecord nullType = full("{\"@type\":\"custom_event\",\"id\":\"E-1\",\"event_type\":null}");
            assertThat(rejection(dropping.validate(nullType)))
                    .isEqualTo("custom_event E-1: field 'event_type' is null; a custom_event requires it");
        }
    }

    @Nested
    class LineItemsAndVariantOptions {
        @Test
        void aLineItemNeedsAProduct() {
            assertThat(rejection(dropping.validate(order(line("\"quantity\":1,\"unit_price\":2")))))
                    .isEqualTo("order ORD-1: field 'lineitems[0].product_id' is missing; a line item requires it");
        }

        @Test
        void aLineItemNeedsAQuantity() {
            assertThat(rejection(dropping.validate(order(line("\"product_id\":\"P-1\",\"unit_price\":2")))))
                    .isEqualTo("order ORD-1: field 'lineitems[0].quantity' is missing; a line item requires it");
        }

        @Test
        void aLineItemNeedsAUnitPriceOrASubtotal() {
            assertThat(rejection(dropping.validate(order(line("\"product_id\":\"P-1\",\"quantity\":1")))))
                    .isEqualTo("order ORD-1: field 'lineitems[0].unit_price' is missing; a line item requires 'unit_price' or 'subtotal'");
            valid(rejecting.validate(order(line("\"product_id\":\"P-1\",\"quantity\":1,\"subtotal\":3"))));
        }

        @Test
        void aRequiredLineItemFieldThatIsNullOrInvalidRejectsWhateverThePolicy() {
            assertThat(rejection(dropping.validate(order(line("\"product_id\":null,\"quantity\":1,\"unit_price\":2")))))
                    .isEqualTo("order ORD-1: field 'lineitems[0].product_id' is null; a line item requires it");
            assertThat(rejection(dropping.validate(order(line("\"product_id\":\"P-1\",\"quantity\":\"1\",\"unit_price\":2")))))
                    .isEqualTo("order ORD-1: field 'lineitems[0].quantity' must be a number, not a string");
        }

        @Test
        void aVariantOptionNeedsIdTypeAndLabel() {
            String options = "\"product_id\":\"P-1\",\"quantity\":1,\"unit_price\":2,\"variant_options\":"
                    + "[{\"id\":\"V-1\",\"type\":\"size\",\"label\":\"M\"},{\"id\":\"V-2\",\"type\":\"colour\"}]";
            assertThat(rejection(dropping.validate(order(line(options)))))
                    .isEqualTo("order ORD-1: field 'lineitems[0].variant_options[1].label' is missing; a variant option requires it");
        }

        @Test
        void anInvalidOptionalLineItemFieldIsDroppedAndTheRestKeptExactly() {
            OmetriaRecord record = order("\"lineitems\":[{\"product_id\":\"P-1\",\"variant_id\":\"V 1\",\"quantity\":1,"
                    + "\"unit_price\":12.50,\"tax\":0.10000000000000000001},{\"product_id\":\"P-2\",\"quantity\":3,\"subtotal\":1E+2}]");

            ValidationResult.Valid result = valid(dropping.validate(record));

            assertThat(result.record().fields().get("lineitems")).isEqualTo("[{\"product_id\":\"P-1\",\"quantity\":1,"
                    + "\"unit_price\":12.50,\"tax\":0.10000000000000000001},{\"product_id\":\"P-2\",\"quantity\":3,\"subtotal\":100}]");
            assertThat(result.droppedFields()).containsExactly("order ORD-1: field 'lineitems[0].variant_id' value \"V 1\" "
                    + "contains whitespace, which Ometria ids must not; the field was left out");
        }

        @Test
        void anArrayWithANonObjectElementIsDroppedWhole() {
            OmetriaRecord record = order("\"currency\":\"EUR\",\"lineitems\":[{\"product_id\":\"P-1\",\"quantity\":1,\"unit_price\":2},\"P-2\"]");

            ValidationResult.Valid result = valid(dropping.validate(record));

            assertThat(result.record().fields()).containsOnlyKeys("currency");
            assertThat(result.droppedFields()).containsExactly("order ORD-1: field 'lineitems' must be an array of line item objects, "
                    + "but element [1] is a string; the field was left out");
        }
    }

    @Nested
    class Policies {
        private final OmetriaRecord contactWithBadPhoneAndCountry =
                contact("\"email\":\"jane@example.com\",\"phone_number\":\"0770\",\"country_id\":\"XX\"");

        @Test
        void dropFieldSendsTheRestAndReportsEachDroppedField() {
            ValidationResult.Valid result = valid(dropping.validate(contactWithBadPhoneAndCountry));

            assertThat(result.record().fields()).containsExactly(Map.entry("email", "\"jane@example.com\""));
            assertThat(result.record().key()).isEqualTo(contactWithBadPhoneAndCountry.key());
            assertThat(result.record().isFull()).isTrue();
            assertThat(result.droppedFields()).hasSize(2);
        }

        @Test
        void rejectRecordNamesTheFirstFieldAndListsTheOthers() {
            assertThat(rejection(rejecting.validate(contactWithBadPhoneAndCountry)))
                    .isEqualTo("contact C-1 in collection webshop: field 'phone_number' is not an E.164 phone number ('+' then 2–15 digits, "
                            + "the first 1–9, no spaces or dashes) (also invalid: 'country_id') (invalid-field policy REJECT_RECORD)");
        }

        @Test
        void aRequiredProblemRejectsEvenUnderDropField() {
            OmetriaRecord record = order("\"currency\":\"EURO\"," + line("\"quantity\":1,\"unit_price\":2"));
            assertThat(rejection(dropping.validate(record)))
                    .isEqualTo("order ORD-1: field 'lineitems[0].product_id' is missing; a line item requires it (also invalid: 'currency')");
        }

        @Test
        void aPartialRecordNeedsOnlyWhatItCarries() {
            valid(rejecting.validate(partial("{\"@type\":\"order\",\"id\":\"ORD-1\",\"status\":\"cancelled\",\"is_valid\":false}")));
        }
    }

    @Nested
    class UnknownFields {
        @Test
        void areKeptAndReportedAsWarnings() {
            OmetriaRecord record = order("\"loyalty_points\":12,\"customer\":{\"id\":\"C-1\",\"phone\":\"+4477\"}");

            ValidationResult.Valid result = valid(rejecting.validate(record));

            assertThat(result.record()).isSameAs(record);
            assertThat(result.droppedFields()).isEmpty();
            assertThat(result.warnings()).containsExactly(
                    "order ORD-1: field 'loyalty_points' is not among Ometria's documented order fields; sent as is",
                    "order ORD-1: field 'customer.phone' is not among Ometria's documented order fields; sent as is");
        }
    }

    @Nested
    class PersonalData {
        @Test
        void reasonsNeverHoldAnUnmaskedEmail() {
            OmetriaRecord record = full("{\"@type\":\"contact\",\"id\":\"jane.doe@example.com\",\"phone_number\":\"bad\","
                    + "\"country_id\":\"jane.doe@example.com\"}");

            String reason = rejection(rejecting.validate(record));
            ValidationResult.Valid dropped = valid(dropping.validate(record));

            assertThat(reason).startsWith("contact j***@example.com: field 'phone_number'").doesNotContain("jane.doe");
            assertThat(dropped.droppedFields()).hasSize(2).allSatisfy(message -> assertThat(message).doesNotContain("jane.doe"));
            assertThat(dropped.droppedFields().get(1)).contains("value \"j***@example.com\" is not an ISO 3166-1 alpha-2 country code");
        }

        @Test
        void anIdWithWhitespaceThatIsAnEmailIsMaskedToo() {
            OmetriaRecord record = new OmetriaRecord(new RecordKey(RecordType.CONTACT, null, "jane doe@example.com"), true, Map.of());
            assertThat(rejection(dropping.validate(record))).startsWith("contact 'jane d***@example.com': id must not contain whitespace");
        }
    }
}
