package dev.ometriasync.runtime.internal.validation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.ometriasync.runtime.logging.EmailMasker;
import dev.ometriasync.schema.FieldFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.HashSet;
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

    /** Google's libphonenumber: the library Ometria validates phone numbers with. */
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /**
     * Circulating ISO 4217 currencies: the currency of at least one country, as {@link Currency} knows it. Codes
     * that no country uses — {@code XXX} (no currency), {@code XTS} (testing), {@code XAU} (gold), fund codes such as
     * {@code CHE} — are left out without a hand-written list.
     */
    private static final Set<String> CIRCULATING_CURRENCIES = circulatingCurrencies();

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
            case PHONE -> phone(value);
            case CURRENCY -> currency(value);
            case COUNTRY -> country(value);
            case EVENT_TYPE -> value.isBlank() ? "is blank; a custom event needs its event type" : null;
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

    /**
     * A number libphonenumber parses without a default region (so it must start with {@code +} and its country
     * code) and finds valid for its region: what Ometria accepts. A number of the right E.164 shape that no region
     * uses ({@code +12}) is refused here, as Ometria refuses it later, seen only at {@code _errors}.
     */
    private static String phone(String value) {
        String problem = "is not a valid phone number in international form ('+', the country code and the number,"
                + " as Google's libphonenumber, which Ometria uses, accepts it)";
        try {
            return PHONES.isValidNumber(PHONES.parse(value, null)) ? null : problem;
        } catch (NumberParseException unparseable) {
            return problem;
        }
    }

    private static String currency(String value) {
        if (CIRCULATING_CURRENCIES.contains(value)) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        String hint = !upper.equals(value) && CIRCULATING_CURRENCIES.contains(upper) ? " (did you mean \"" + upper + "\"?)" : "";
        return "value " + quote(value) + " is not the ISO 4217 code of a circulating currency" + hint;
    }

    private static Set<String> circulatingCurrencies() {
        Set<String> codes = new HashSet<>();
        for (String country : Locale.getISOCountries()) {
            try {
                Currency currency = Currency.getInstance(new Locale.Builder().setRegion(country).build());
                if (currency != null) {
                    codes.add(currency.getCurrencyCode());
                }
            } catch (IllegalArgumentException noCurrencyData) {
                // A region the JDK has no currency for (Antarctica): nothing circulates there.
            }
        }
        return Set.copyOf(codes);
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

    /** Quotes a value for a message: shortened, and masked in case it holds an e-mail address after all. */
    static String quote(String value) {
        // Mask before shortening: a cut could leave half an address the masker no longer recognises.
        String masked = EmailMasker.mask(value);
        return "\"" + (masked.length() > MAX_QUOTED_CHARS ? masked.substring(0, MAX_QUOTED_CHARS) + "…" : masked) + "\"";
    }
}
