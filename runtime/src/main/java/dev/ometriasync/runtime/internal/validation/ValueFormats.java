package dev.ometriasync.runtime.internal.validation;

import dev.ometriasync.runtime.internal.logging.EmailMasker;
import dev.ometriasync.schema.FieldFormat;
import dev.ometriasync.schema.OmetriaSchema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The value rules of the schema catalogue's {@link FieldFormat}s and of the string-encoded JSON types
 * (timestamps, dates). Each check returns what is wrong, phrased to follow {@code field 'x' }, or null when
 * the value is fine.
 *
 * <p>Values are quoted in messages only where they cannot be personal data (codes, dates, ids — which
 * Ometria says must not hold personal data); e-mail addresses and phone numbers are never quoted.
 */
final class ValueFormats {

    /** local@domain.tld: no whitespace, one {@code @}, a dot in the domain, nothing empty. Shape only, as peers check. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+");

    /** E.164: {@code +}, then 2–15 digits, the first 1–9. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private static final Set<String> OPTIN_VALUES = Set.of("EXPLICITLY_OPTEDIN", "EXPLICITLY_OPTEDOUT", "NOT_SPECIFIED");

    private static final int MAX_QUOTED_CHARS = 40;

    private ValueFormats() {
    }

    /**
     * Checks a string value against a format.
     *
     * @param format the format
     * @param value the string
     * @return the problem, or null
     */
    static String check(FieldFormat format, String value) {
        return switch (format) {
            case NONE -> null;
            case ID -> id(value);
            case EMAIL -> EMAIL.matcher(value).matches() && value.length() <= 254
                    ? null : "is not an e-mail address (expected the shape local-part@domain, with a dot in the domain)";
            case PHONE -> E164.matcher(value).matches()
                    ? null : "is not an E.164 phone number ('+' then 2–15 digits, the first 1–9, no spaces or dashes)";
            case CURRENCY -> currency(value);
            case COUNTRY -> country(value);
            case EVENT_TYPE -> eventType(value);
            case MARKETING_OPTIN -> OPTIN_VALUES.contains(value)
                    ? null : "value " + quote(value) + " is not one of EXPLICITLY_OPTEDIN, EXPLICITLY_OPTEDOUT, NOT_SPECIFIED";
        };
    }

    /**
     * Checks an ISO-8601 date-time with offset, such as {@code 2023-05-25T15:32:52+00:00} or {@code …Z}.
     *
     * @param value the string
     * @return the problem, or null
     */
    static String timestamp(String value) {
        try {
            OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return null;
        } catch (DateTimeParseException e) {
            return "value " + quote(value) + " is not an ISO-8601 date-time with offset (such as 2023-05-25T15:32:52+00:00)";
        }
    }

    /**
     * Checks an ISO-8601 calendar date, {@code YYYY-MM-DD}.
     *
     * @param value the string
     * @return the problem, or null
     */
    static String date(String value) {
        try {
            LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
            return null;
        } catch (DateTimeParseException e) {
            return "value " + quote(value) + " is not an ISO-8601 date (YYYY-MM-DD)";
        }
    }

    /**
     * Checks an id: non-empty, no whitespace.
     *
     * @param value the id
     * @return the problem, or null
     */
    static String id(String value) {
        if (value.isEmpty()) {
            return "is empty; an id needs at least one character";
        }
        if (hasWhitespace(value)) {
            return "value " + quote(value) + " contains whitespace, which Ometria ids must not";
        }
        return null;
    }

    static boolean hasWhitespace(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // Every whitespace and space separator in Unicode is in the Basic Multilingual Plane.
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return true;
            }
        }
        return false;
    }

    private static String currency(String value) {
        if (value.length() == 3 && value.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            try {
                Currency.getInstance(value);
                return null;
            } catch (IllegalArgumentException unknown) {
                // fall through to the message
            }
        }
        String upper = value.toUpperCase(Locale.ROOT);
        String hint = !upper.equals(value) && check(FieldFormat.CURRENCY, upper) == null ? " (did you mean \"" + upper + "\"?)" : "";
        return "value " + quote(value) + " is not an ISO 4217 currency code" + hint;
    }

    private static String country(String value) {
        if (COUNTRIES.contains(value)) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        String hint;
        if (upper.equals("UK")) {
            hint = " (the United Kingdom is \"GB\")";
        } else if (!upper.equals(value) && COUNTRIES.contains(upper)) {
            hint = " (did you mean \"" + upper + "\"?)";
        } else {
            hint = "";
        }
        return "value " + quote(value) + " is not an ISO 3166-1 alpha-2 country code" + hint;
    }

    private static String eventType(String value) {
        if (value.isBlank()) {
            return "is blank; a custom event needs its event type";
        }
        int length = value.codePointCount(0, value.length());
        if (length > OmetriaSchema.MAX_EVENT_TYPE_LENGTH) {
            return "value " + quote(value) + " is " + length + " characters long; Ometria keeps at most "
                    + OmetriaSchema.MAX_EVENT_TYPE_LENGTH + " and truncates longer event types";
        }
        return null;
    }

    /** Quotes a value for a message: shortened, and masked in case it holds an e-mail address after all. */
    static String quote(String value) {
        // Mask before shortening: a cut could leave half an address the masker no longer recognises.
        String masked = EmailMasker.mask(value);
        return "\"" + (masked.length() > MAX_QUOTED_CHARS ? masked.substring(0, MAX_QUOTED_CHARS) + "…" : masked) + "\"";
    }
}
