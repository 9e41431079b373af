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
            // Ometria's "60k byte" read as 60,000 bytes, the smaller reading.
            OmetriaRecord record = productOfSize(OmetriaSchema.MAX_RECORD_BYTES);
            assertThat(record.toJson().length()).isEqualTo(60_000);
            valid(dropping.validate(record));
        }

        @Test
        void aRecordOverSixtyKbIsRejectedNamingItsLargestField() {
            OmetriaRecord record = order("\"currency\":\"EUR\"," + line("\"product_id\":\"P-1\",\"quantity\":1,\"unit_price\":1,"
                    + "\"properties\":{\"engraving\":\"" + "é".repeat(31_000) + "\"}"));

            assertThat(rejection(rejecting.validate(record))).isEqualTo("order ORD-1: Record is too large: 62140 bytes of UTF-8 JSON, "
                    + "Ometria accepts at most 60000 per record (its \"60k byte\", read as 60,000); the largest field is "
                    + "'lineitems' (62080 bytes)");
            // Measured in UTF-8 bytes, not characters: 31,000 'é' are 62,000 bytes but only 31,000 chars.
            assertThat(record.toJson().length()).isLessThan(OmetriaSchema.MAX_RECORD_BYTES);
        }

        @Test
        void oneByteTooManyIsRejected() {
            assertThat(rejection(dropping.validate(productOfSize(OmetriaSchema.MAX_RECORD_BYTES + 1))))
                    .isEqualTo("product P-1: Record is too large: 60001 bytes of UTF-8 JSON, Ometria accepts at most 60000 "
                            + "per record (its \"60k byte\", read as 60,000); the largest field is 'title' (59962 bytes)");
        }

        @Test
        void sizeIsMeasuredAfterInvalidFieldsAreDropped() {
            String big = "\"title\":\"" + "x".repeat(59_000) + "\"";
            OmetriaRecord record = full("{\"@type\":\"product\",\"id\":\"P-1\"," + big + ",\"stores\":\"" + "y".repeat(1_000) + "\"}");

            ValidationResult.Valid result = valid(dropping.validate(record));

            assertThat(result.record().fields()).containsOnlyKeys("title");
            assertThat(rejection(rejecting.validate(record))).contains("field 'stores' must be an array of strings, not a string");
        }
    }

    @Nested
    class JsonTypes {
        @Test
        void aNumberSentAsAStringInADescriptiveFieldIsDroppedUnderDropField() {
            OmetriaRecord product = full("{\"@type\":\"product\",\"id\":\"P-1\",\"price\":\"12.50\",\"title\":\"Lamp\"}");
            ValidationResult.Valid result = valid(dropping.validate(product));

            assertThat(result.record().fields()).containsOnlyKeys("title");
            assertThat(result.droppedFields()).containsExactly(
                    "product P-1: field 'price' must be a number, not a string; the field was left out");
        }

        @Test
        void aNumberSentAsAStringRejectsUnderRejectRecord() {
            OmetriaRecord product = full("{\"@type\":\"product\",\"id\":\"P-1\",\"price\":\"12.50\"}");
            assertThat(rejection(rejecting.validate(product)))
                    .isEqualTo("product P-1: field 'price' must be a number, not a string (invalid-field policy REJECT_RECORD)");
        }

        @Test
        void eachJsonTypeIsChecked() {
            OmetriaRecord record = contact("\"firstname\":42,\"@merge\":\"yes\",\"store_ids\":[\"s1\",2],"
                    + "\"properties\":[1],\"email\":\"ann@example.com\",\"timestamp_acquired\":1700000000");

            ValidationResult.Valid result = valid(dropping.validate(record));

            assertThat(result.record().fields()).containsOnlyKeys("email");
            assertThat(result.droppedFields()).containsExactly(
                    "contact C-1 in collection webshop: field 'firstname' must be a string, not a number; the field was left out",
                    "contact C-1 in collection webshop: field '@merge' must be a boolean (true or false), not a string; the field was left out",
                    "contact C-1 in collection webshop: field 'store_ids' must be an array of strings, but element [1] is a number; the field was left out",
                    "contact C-1 in collection webshop: field 'properties' must be an object, not an array; the field was left out",
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
        void currencyMustBeTheIso4217CodeOfACirculatingCurrency() {
            // An order's currency is a money field: rejected under either policy, never sent without it.
            assertThat(rejection(dropping.validate(order("\"currency\":\"EURO\""))))
                    .isEqualTo("order ORD-1: field 'currency' value \"EURO\" is not the ISO 4217 code of a circulating currency");
            assertThat(rejection(rejecting.validate(order("\"currency\":\"eur\"")))).contains("(did you mean \"EUR\"?)");
            assertThat(rejection(rejecting.validate(order("\"currency\":\"ABC\""))))
                    .contains("not the ISO 4217 code of a circulating currency");
        }

        @ParameterizedTest
        @ValueSource(strings = {"XXX", "XTS", "XAU", "XAG", "XDR", "CHE", "USN"})
        void codesNoCountryUsesAreRefused(String code) {
            // ISO 4217 codes, but not of circulating currencies: no currency, testing, precious metals, funds.
            assertThat(rejection(dropping.validate(order("\"currency\":\"" + code + "\""))))
                    .isEqualTo("order ORD-1: field 'currency' value \"" + code + "\" is not the ISO 4217 code of a circulating currency");
        }

        @ParameterizedTest
        @ValueSource(strings = {"EUR", "GBP", "USD", "JPY", "CHF", "SEK", "XOF", "XAF", "XCD", "XPF"})
        void circulatingCurrenciesPass(String code) {
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
        @ValueSource(strings = {"+447400123456", "+14155552671", "+33612345678", "+4915123456789", "+61412345678",
                "+44 7400 123456"})
        void phoneNumbersLibphonenumberFindsValidPass(String phone) {
            valid(rejecting.validate(contact("\"phone_number\":\"" + phone + "\"")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"+12", "+123456789012345", "+447700900", "07400 123456", "447400123456", "+0447400123456",
                "+1", "+1234567890123456", "+44-7400", "call me"})
        void numbersLibphonenumberRefusesAreDroppedThoughSomeHaveTheE164Shape(String phone) {
            // '+12' and '+123456789012345' pass an E.164 shape check, yet Ometria refuses them later.
            ValidationResult.Valid result = valid(dropping.validate(contact("\"phone_number\":\"" + phone + "\",\"firstname\":\"Jo\"")));

            assertThat(result.record().fields()).containsOnlyKeys("firstname");
            assertThat(result.droppedFields()).singleElement().asString()
                    .isEqualTo("contact C-1 in collection webshop: field 'phone_number' is not a valid phone number in"
                            + " international form ('+', the country code and the number, as Google's libphonenumber, which"
                            + " Ometria uses, accepts it); the field was left out")
                    .doesNotContain(phone);
        }

        @Test
        void aContactWhosePhoneNumberIsItsOnlyIdentifierPasses() {
            // Ometria's SMS double opt-in via API: phone_number may be a contact's only person identifier.
            OmetriaRecord record = full("{\"@type\":\"contact\",\"@collection\":\"optin:sms\",\"id\":\"S-1\","
                    + "\"phone_number\":\"+447400123456\",\"channels\":{\"sms\":{\"allow_marketing\":true,"
                    + "\"dt_updated_marketing\":\"2024-05-01T10:00:00+00:00\"}}}");

            ValidationResult.Valid result = valid(rejecting.validate(record));

            assertThat(result.record()).isSameAs(record);
            assertThat(result.warnings()).isEmpty();
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
        void a33CharacterEventTypeIsTruncatedAsOmetriaDoesAndReportedUnderEitherPolicy() {
            // Ometria documents truncation, not refusal.
            String type = "basket_abandoned_with_a_long_name";
            assertThat(type).hasSize(33);
            for (RecordValidator validator : new RecordValidator[] {dropping, rejecting}) {
                ValidationResult.Valid result = valid(validator.validate(event(type)));

                assertThat(result.record().fields()).containsEntry("event_type", "\"basket_abandoned_with_a_long_nam\"");
                assertThat(result.record().fields()).containsKeys("timestamp", "identity_email");
                assertThat(result.droppedFields()).isEmpty();
                assertThat(result.truncatedFields()).containsExactly("custom_event E-1: field 'event_type' value"
                        + " \"basket_abandoned_with_a_long_name\" is 33 characters long; truncated to 32"
                        + " (\"basket_abandoned_with_a_long_nam\"), as Ometria truncates longer event types");
            }
        }

        @Test
        void truncationCountsCharactersNotUtf16Units() {
            String type = "\uD83D\uDED2".repeat(33); // 33 shopping-cart emoji, 66 UTF-16 units
            ValidationResult.Valid result = valid(dropping.validate(event(type)));

            assertThat(result.record().fields().get("event_type")).isEqualTo("\"" + "\uD83D\uDED2".repeat(32) + "\"");
        }

        @Test
        void aFullEventWithoutEventTypeIsRejected() {
            OmetriaRecord record = full("{\"@type\":\"custom_event\",\"id\":\"E-1\",\"timestamp\":\"2023-05-25T15:32:52Z\","
                    + "\"identity_email\":\"jane@example.com\"}");
            assertThat(rejection(dropping.validate(record)))
                    .isEqualTo("custom_event E-1: field 'event_type' is missing; a custom_event requires it");
            OmetriaRecord nullType = full("{\"@type\":\"custom_event\",\"id\":\"E-1\",\"event_type\":null,"
                    + "\"profile_id\":\"PR-1\"}");
            assertThat(rejection(dropping.validate(nullType)))
                    .isEqualTo("custom_event E-1: field 'event_type' is null; a custom_event requires it");
        }

        @Test
        void anEventWithNoIdentityIsRejectedWhateverThePolicy() {
            // Ometria would queue it and tie it to no contact: useless data, reported instead of sent.
            OmetriaRecord record = full("{\"@type\":\"custom_event\",\"id\":\"E-1\",\"event_type\":\"basket_abandoned\","
                    + "\"timestamp\":\"2023-05-25T15:32:52Z\",\"properties\":{\"sku\":\"P-1\"}}");
            assertThat(rejection(dropping.validate(record))).isEqualTo("custom_event E-1: field 'identity_email' is missing;"
                    + " a custom_event requires 'identity_email' or 'identity_account_id' or 'profile_id'");
            assertThat(rejection(rejecting.validate(record))).startsWith("custom_event E-1: field 'identity_email' is missing;");
        }

        @Test
        void anyOneIdentityFieldIsEnoughAndANullOneIsNot() {
            for (String identity : new String[] {"\"identity_email\":\"jane@example.com\"",
                    "\"identity_account_id\":\"A-1\"", "\"profile_id\":\"PR-1\""}) {
                valid(rejecting.validate(full("{\"@type\":\"custom_event\",\"id\":\"E-1\",\"event_type\":\"x\","
                        + identity + "}")));
            }
            OmetriaRecord nullOnly = full("{\"@type\":\"custom_event\",\"id\":\"E-1\",\"event_type\":\"x\","
                    + "\"identity_email\":null}");
            assertThat(rejection(dropping.validate(nullOnly)))
                    .isEqualTo("custom_event E-1: field 'identity_email' is null; a custom_event requires it");
            valid(dropping.validate(full("{\"@type\":\"custom_event\",\"id\":\"E-1\",\"event_type\":\"x\","
                    + "\"identity_email\":null,\"identity_account_id\":\"A-1\"}")));
        }
    }

    @Nested
    class LineItemsAndVariantOptions {
        @Test
        void aLineItemNeedsAProduct() {
            assertThat(rejection(dropping.validate(order(line("\"quantity\":1,\"unit_price\":2")))))
                    .isEqualTo("order ORD-1: field 'lineitems[0].product_id' is missing; a line item requires 'product_id' or 'product'");
        }

        @Test
        void aLineItemMayEmbedItsProductInsteadOfAProductId() {
            // "it is possible to add the products object inside of the orders object" (Data API introduction).
            OmetriaRecord record = order("\"currency\":\"GBP\"," + line("\"product\":{\"id\":\"P-1\",\"sku\":\"LAMP\","
                    + "\"title\":\"Desk lamp\",\"price\":49.90},\"quantity\":1,\"unit_price\":49.90"));

            ValidationResult.Valid result = valid(rejecting.validate(record));

            assertThat(result.record()).isSameAs(record);
            assertThat(result.warnings()).isEmpty();
            valid(rejecting.validate(order(line("\"product_id\":null,\"product\":{\"id\":\"P-1\"},\"quantity\":1,\"subtotal\":2"))));
        }

        @Test
        void anEmbeddedProductNeedsItsId() {
            assertThat(rejection(dropping.validate(order(line("\"product\":{\"title\":\"Lamp\"},\"quantity\":1,\"unit_price\":2")))))
                    .isEqualTo("order ORD-1: field 'lineitems[0].product.id' is missing; a line item product requires it");
        }

        @Test
        void totalsAreAnObject() {
            valid(rejecting.validate(order(line("\"product_id\":\"P-1\",\"quantity\":1,\"unit_price\":2,"
                    + "\"totals\":{\"net\":2,\"tax\":0.4}"))));
            ValidationResult.Valid result = valid(dropping.validate(order(line("\"product_id\":\"P-1\",\"quantity\":1,"
                    + "\"unit_price\":2,\"totals\":[2]"))));
            assertThat(result.droppedFields()).containsExactly(
                    "order ORD-1: field 'lineitems[0].totals' must be an object, not an array; the field was left out");
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
            OmetriaRecord record = full("{\"@type\":\"product\",\"id\":\"P-1\",\"title\":\"Lamp\","
                    + "\"attributes\":[{\"type\":\"colour\",\"id\":\"12\"},\"red\"]}");

            ValidationResult.Valid result = valid(dropping.validate(record));

            assertThat(result.record().fields()).containsOnlyKeys("title");
            assertThat(result.droppedFields()).containsExactly("product P-1: field 'attributes' must be an array of product"
                    + " attribute objects, but element [1] is a string; the field was left out");
        }

        @Test
        void malformedLineItemsRejectTheOrderRatherThanSendItWithoutThem() {
            // Line items carry the order's revenue: never silently left out (issue 13).
            OmetriaRecord record = order("\"currency\":\"EUR\",\"lineitems\":[{\"product_id\":\"P-1\",\"quantity\":1,\"unit_price\":2},\"P-2\"]");

            assertThat(rejection(dropping.validate(record))).isEqualTo("order ORD-1: field 'lineitems' must be an array of line"
                    + " item objects, but element [1] is a string");
        }
    }

    @Nested
    class Policies {
        private final OmetriaRecord contactWithBadPhoneAndCountry =
                contact("\"email\":\"jane@example.com\",\"phone_number\":\"+12\",\"country_id\":\"XX\"");

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
                    .isEqualTo("contact C-1 in collection webshop: field 'phone_number' is not a valid phone number in international"
                            + " form ('+', the country code and the number, as Google's libphonenumber, which Ometria uses, accepts"
                            + " it) (also invalid: 'country_id') (invalid-field policy REJECT_RECORD)");
        }

        @Test
        void aRequiredProblemRejectsEvenUnderDropField() {
            OmetriaRecord record = order("\"web_id\":7," + line("\"quantity\":1,\"unit_price\":2"));
            assertThat(rejection(dropping.validate(record)))
                    .isEqualTo("order ORD-1: field 'lineitems[0].product_id' is missing; a line item requires 'product_id' or"
                            + " 'product' (also invalid: 'web_id')");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"currency\":\"XTS\"", "\"grand_total\":\"12.50\"", "\"subtotal\":true",
                "\"discount\":\"5%\"", "\"shipping\":[]", "\"tax\":\"0\"", "\"total_refunded\":{}", "\"is_valid\":\"no\""})
        void anInvalidOrderMoneyFieldRejectsTheOrderUnderDropField(String field) {
            // An order sent without its currency or an amount would report other revenue than the shop's (issue 13).
            String reason = rejection(dropping.validate(order(field + ",\"status\":\"complete\"")));
            assertThat(reason).startsWith("order ORD-1: field '" + field.substring(1, field.indexOf('"', 1)) + "' ")
                    .doesNotContain("left out");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"unit_price\":\"2\"", "\"subtotal\":\"2\"", "\"tax\":\"x\"", "\"discount\":\"x\"",
                "\"total\":\"x\"", "\"refunded\":\"x\"", "\"quantity_refunded\":\"x\""})
        void anInvalidLineItemMoneyFieldRejectsTheOrderUnderDropField(String field) {
            String price = field.startsWith("\"unit_price\"") ? "\"subtotal\":2," : "\"unit_price\":2,";
            String reason = rejection(dropping.validate(order(line("\"product_id\":\"P-1\",\"quantity\":1," + price + field))));
            assertThat(reason).startsWith("order ORD-1: field 'lineitems[0]." + field.substring(1, field.indexOf('"', 1)) + "' ");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"marketing_optin\":\"YES\"", "\"marketing_optin\":true", "\"@force_optin\":\"yes\"",
                "\"timestamp_subscribed\":\"yesterday\"", "\"timestamp_unsubscribed\":1700000000",
                "\"channels\":{\"sms\":{\"allow_marketing\":\"yes\"}}",
                "\"channels\":{\"sms\":{\"allow_transactional\":1}}",
                "\"channels\":{\"sms\":{\"dt_updated_marketing\":\"2024-05-01\"}}", "\"channels\":{\"sms\":[]}",
                "\"channels\":\"sms\""})
        void anInvalidConsentFieldRejectsTheContactUnderDropField(String field) {
            // A contact sent without the opt-out it was meant to carry would keep mailing a person who said no.
            String reason = rejection(dropping.validate(contact("\"email\":\"jane@example.com\"," + field)));
            assertThat(reason).startsWith("contact C-1 in collection webshop: field '" + field.substring(1, field.indexOf('"', 1)))
                    .doesNotContain("left out");
        }

        @Test
        void aPartialRecordNeedsOnlyWhatItCarries() {
            valid(rejecting.validate(partial("{\"@type\":\"order\",\"id\":\"ORD-1\",\"status\":\"cancelled\",\"is_valid\":false}")));
        }
    }

    @Nested
    class NumericIds {
        @Test
        void integralIdsAreSentAsStringsNeverDroppedOrRefused() {
            // Ometria's ids are strings, yet its own Magento extension sends numbers.
            OmetriaRecord record = order("\"customer\":{\"id\":42,\"email\":\"jane@example.com\"},"
                    + line("\"product_id\":1001,\"variant_id\":1002,\"quantity\":1,\"unit_price\":2,"
                    + "\"variant_options\":[{\"id\":7,\"type\":\"size\",\"label\":\"M\"}]"));

            ValidationResult.Valid result = valid(rejecting.validate(record));

            assertThat(result.record().fields()).containsEntry("customer", "{\"id\":\"42\",\"email\":\"jane@example.com\"}");
            assertThat(result.record().fields()).containsEntry("lineitems", "[{\"product_id\":\"1001\",\"variant_id\":\"1002\","
                    + "\"quantity\":1,\"unit_price\":2,\"variant_options\":[{\"id\":\"7\",\"type\":\"size\",\"label\":\"M\"}]}]");
            assertThat(result.droppedFields()).isEmpty();
        }

        @Test
        void aNumericRecordIdAndTopLevelIdsAreStrings() {
            OmetriaRecord record = full("{\"@type\":\"contact\",\"id\":1234,\"customer_id\":987,"
                    + "\"@add_to_lists\":[12,\"news\"],\"@remove_from_lists\":[13]}");

            ValidationResult.Valid result = valid(rejecting.validate(record));

            assertThat(result.record().id()).isEqualTo("1234");
            assertThat(result.record().toJson()).isEqualTo("{\"@type\":\"contact\",\"id\":\"1234\",\"customer_id\":\"987\","
                    + "\"@add_to_lists\":[\"12\",\"news\"],\"@remove_from_lists\":[\"13\"]}");
        }

        @Test
        void aFractionalNumberIsNoId() {
            ValidationResult.Valid result = valid(dropping.validate(order("\"customer\":{\"id\":4.2,\"firstname\":\"Jo\"}")));
            assertThat(result.record().fields()).containsEntry("customer", "{\"firstname\":\"Jo\"}");
            assertThat(result.droppedFields()).containsExactly(
                    "order ORD-1: field 'customer.id' must be a string, not a number; the field was left out");
        }
    }

    @Nested
    class ProductFields {
        private OmetriaRecord product(String fields) {
            return full("{\"@type\":\"product\",\"id\":\"P-1\"," + fields + "}");
        }

        @Test
        void attributesListingsAndCurrencyInOmetriasShapePass() {
            OmetriaRecord record = product("\"title\":\"Lamp\",\"currency\":\"GBP\","
                    + "\"attributes\":[{\"type\":\"colour\",\"id\":\"12\",\"label\":\"Red\"},"
                    + "{\"type\":\"material\",\"value\":\"brass\",\"label\":\"Brass\"}],"
                    + "\"listings\":[{\"store_id\":\"uk\",\"title\":\"Lamp\",\"url\":\"https://shop.example/uk/lamp\","
                    + "\"image_url\":\"https://shop.example/lamp.jpg\",\"price\":49.90,\"special_price\":39.90,"
                    + "\"store_currency\":\"GBP\",\"is_active\":true}]");

            ValidationResult.Valid result = valid(rejecting.validate(record));

            assertThat(result.record()).isSameAs(record);
            assertThat(result.warnings()).isEmpty();
        }

        @Test
        void anAttributeNeedsATypeAndAnIdOrAValue() {
            assertThat(rejection(dropping.validate(product("\"attributes\":[{\"id\":\"12\",\"label\":\"Red\"}]"))))
                    .isEqualTo("product P-1: field 'attributes[0].type' is missing; a product attribute requires it");
            assertThat(rejection(dropping.validate(product("\"attributes\":[{\"type\":\"colour\",\"label\":\"Red\"}]"))))
                    .isEqualTo("product P-1: field 'attributes[0].id' is missing; a product attribute requires 'id' or 'value'");
        }

        @Test
        void aListingNeedsItsStore() {
            assertThat(rejection(dropping.validate(product("\"listings\":[{\"price\":9.5}]"))))
                    .isEqualTo("product P-1: field 'listings[0].store_id' is missing; a product listing requires it");
        }

        @Test
        void productAndListingCurrenciesAreCirculatingIso4217Codes() {
            ValidationResult.Valid result = valid(dropping.validate(product("\"currency\":\"XXX\",\"title\":\"Lamp\","
                    + "\"listings\":[{\"store_id\":\"uk\",\"store_currency\":\"gbp\"}]")));
            assertThat(result.record().fields()).containsEntry("listings", "[{\"store_id\":\"uk\"}]").doesNotContainKey("currency");
            assertThat(result.droppedFields()).containsExactly(
                    "product P-1: field 'currency' value \"XXX\" is not the ISO 4217 code of a circulating currency; the field was left out",
                    "product P-1: field 'listings[0].store_currency' value \"gbp\" is not the ISO 4217 code of a circulating currency"
                            + " (did you mean \"GBP\"?); the field was left out");
        }

        @Test
        void salePriceDatesAreDates() {
            valid(rejecting.validate(product("\"special_price_dt_from\":\"2024-06-01\",\"special_price_dt_to\":\"2024-06-30\"")));
            assertThat(rejection(rejecting.validate(product("\"special_price_dt_from\":\"2024-06-01T00:00:00Z\""))))
                    .contains("field 'special_price_dt_from' value \"2024-06-01T00:00:00Z\" is not an ISO-8601 date (YYYY-MM-DD)");
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
