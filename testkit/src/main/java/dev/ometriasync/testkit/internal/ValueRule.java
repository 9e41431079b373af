package dev.ometriasync.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How one JSON value is checked. The simulator's own copy of the formats in ometria-api.md §3–§4, kept
 * apart from the library's validator on purpose: the simulator plays Ometria and must not share our mistakes.
 */
@FunctionalInterface
interface ValueRule {

    /** Ometria's generic validation text (ometria-api.md §2.3). */
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

    /** Ids are strings and cannot contain spaces ([SEED] Data API introduction, "ID Fields"). */
    ValueRule ID = textMatching(text -> !text.isEmpty() && text.chars().noneMatch(Character::isWhitespace));

    /** ISO 8601 date-time with an offset ({@code Z} or {@code +00:00}), as in Ometria's examples. */
    ValueRule TIMESTAMP = textMatching(Formats::isOffsetDateTime);

    /** {@code YYYY-MM-DD}. */
    ValueRule DATE = textMatching(Formats::isDate);

    /** Product sale-price validity: documented only as a date; a date-time with offset is accepted too. */
    ValueRule DATE_OR_TIMESTAMP = textMatching(text -> Formats.isDate(text) || Formats.isOffsetDateTime(text));

    /** ISO 4217 code, upper case, as known to the JDK. */
    ValueRule CURRENCY = textMatching(Formats.CURRENCIES::contains);

    /** ISO 3166-1 alpha-2 country code, upper case. */
    ValueRule COUNTRY = textMatching(Formats.COUNTRIES::contains);

    /** E.164: {@code +}, a first digit 1–9, then up to 14 more digits. */
    ValueRule PHONE = textMatching(text -> Formats.E164.matcher(text).matches());

    /** One {@code @}, something on each side, a dot in the domain, no whitespace. */
    ValueRule EMAIL = textMatching(text -> Formats.EMAIL.matcher(text).matches());

    /** {@code marketing_optin} values for push (ometria-api.md §4.1). */
    ValueRule MARKETING_OPTIN = textMatching(
            Set.of("EXPLICITLY_OPTEDIN", "EXPLICITLY_OPTEDOUT", "NOT_SPECIFIED")::contains);

    private static boolean allTextual(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** Format facts, parsed once. */
    final class Formats {
        static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
        static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
        static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
                .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());
        static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

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
