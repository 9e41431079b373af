package dev.ometriasync.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * How one JSON value is checked. The simulator's own copy of Ometria's documented formats, kept
 * apart from the library's validator on purpose: the simulator plays Ometria and must not share our mistakes.
 */
@FunctionalInterface
interface ValueRule {

    /** Ometria's generic validation text. */
    String NOT_VALID = "not a valid value";

    /** Used for a missing required value; Ometria's own wording for this case is not documented. */
    String REQUIRED = "required value is missing";

    /**
     * Checks a non-null value; a JSON {@code null} is handled by the caller (it means "delete the field").
     */
    void check(JsonNode value, String path, List<RecordChecker.Problem> problems);

    static ValueRule when(Predicate<JsonNode> valid) {
        return (value, path, problems) -> {
            if (!valid.test(value)) {
                problems.add(new RecordChecker.Problem(NOT_VALID, path));
            }
        };
    }

    static ValueRule textMatching(Predicate<String> valid) {
        return when(value -> value.isTextual() && valid.test(value.textValue()));
    }

    ValueRule STRING = when(JsonNode::isTextual);
    ValueRule NUMBER = when(JsonNode::isNumber);
    ValueRule BOOLEAN = when(JsonNode::isBoolean);
    ValueRule OBJECT = when(JsonNode::isObject);
    ValueRule ARRAY = when(JsonNode::isArray);
    ValueRule STRING_ARRAY = when(value -> value.isArray() && allTextual(value));

    /**
     * Ids are strings and cannot contain spaces ([SEED] Data API introduction, "ID Fields"); Ometria evidently takes
     * integral numbers too, since its own Magento extension sends them.
     */
    ValueRule ID = when(Formats::isId);

    /** An array of ids, such as {@code @add_to_lists} (element type not documented; ids, as above). */
    ValueRule ID_ARRAY = when(value -> value.isArray() && allMatch(value, Formats::isId));

    /** ISO 8601 date-time with an offset ({@code Z} or {@code +00:00}), as in Ometria's examples. */
    ValueRule TIMESTAMP = textMatching(Formats::isOffsetDateTime);

    /** {@code YYYY-MM-DD}. */
    ValueRule DATE = textMatching(Formats::isDate);

    /**
     * ISO 4217 code of a circulating currency, upper case: one that some country uses, as the JDK knows it (not
     * {@code XXX}, {@code XTS}, {@code XAU}, fund codes).
     */
    ValueRule CURRENCY = textMatching(Formats.CURRENCIES::contains);

    /** ISO 3166-1 alpha-2 country code, upper case. */
    ValueRule COUNTRY = textMatching(Formats.COUNTRIES::contains);

    /**
     * A phone number Google's libphonenumber finds valid, given in international form: Ometria validates phone
     * numbers with that library, so {@code +12} fails although it has the E.164 shape.
     */
    ValueRule PHONE = textMatching(Formats::isValidPhone);

    /** One {@code @}, something on each side, a dot in the domain, no whitespace. */
    ValueRule EMAIL = textMatching(text -> Formats.EMAIL.matcher(text).matches());

    /** {@code marketing_optin} values for push. */
    ValueRule MARKETING_OPTIN = textMatching(
            Set.of("EXPLICITLY_OPTEDIN", "EXPLICITLY_OPTEDOUT", "NOT_SPECIFIED")::contains);

    private static boolean allTextual(JsonNode array) {
        return allMatch(array, JsonNode::isTextual);
    }

    private static boolean allMatch(JsonNode array, Predicate<JsonNode> test) {
        for (JsonNode element : array) {
            if (!test.test(element)) {
                return false;
            }
        }
        return true;
    }

    /** Format facts, parsed once. */
    final class Formats {
        static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
        static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
        static final Set<String> CURRENCIES = currenciesInUse();
        private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

        private Formats() {
        }

        static boolean isOffsetDateTime(String text) {
            try {
                OffsetDateTime.parse(text);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }

        static boolean isId(JsonNode value) {
            if (value.isIntegralNumber()) {
                return true;
            }
            return value.isTextual() && !value.textValue().isEmpty()
                    && value.textValue().chars().noneMatch(Character::isWhitespace);
        }

        static boolean isValidPhone(String text) {
            try {
                return PHONES.isValidNumber(PHONES.parse(text, null));
            } catch (NumberParseException e) {
                return false;
            }
        }

        /** The currency of each country the JDK knows, so that only circulating currencies count. */
        private static Set<String> currenciesInUse() {
            Set<String> codes = new HashSet<>();
            for (String country : COUNTRIES) {
                try {
                    Currency currency = Currency.getInstance(new Locale.Builder().setRegion(country).build());
                    if (currency != null) {
                        codes.add(currency.getCurrencyCode());
                    }
                } catch (IllegalArgumentException none) {
                    // no currency data for this region
                }
            }
            return Set.copyOf(codes);
        }

        static boolean isDate(String text) {
            try {
                LocalDate.parse(text);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
