package dev.ometriasync.spi;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Currency;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Value conversions shared by generated serializers, so that every serializer writes timestamps,
 * numbers, string arrays and free-form {@code properties} in exactly the same way. Called only by
 * generated code; the methods are public because generated classes live in the users' packages.
 */
public final class OmetriaValues {

    /**
     * ISO-8601 date-time with an explicit numeric offset, as in Ometria's examples
     * ({@code 2023-05-25T15:32:52+00:00}); fractions of a second are printed only when present.
     */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendOffset("+HH:MM", "+00:00")
            .toFormatter(Locale.ROOT);

    private OmetriaValues() {
    }

    /**
     * Formats an instant in UTC.
     *
     * @param value the instant, not null
     * @return for example {@code 2024-03-01T10:15:30+00:00}
     */
    public static String timestamp(Instant value) {
        return TIMESTAMP.format(value.atOffset(ZoneOffset.UTC));
    }

    /**
     * Formats a date-time with its own offset.
     *
     * @param value the date-time, not null
     * @return for example {@code 2024-03-01T10:15:30+01:00}
     */
    public static String timestamp(OffsetDateTime value) {
        return TIMESTAMP.format(value);
    }

    /**
     * Formats a zoned date-time with the offset in force at that moment in its zone.
     *
     * @param value the date-time, not null
     * @return for example {@code 2024-07-01T10:15:30+01:00} for Europe/London in summer
     */
    public static String timestamp(ZonedDateTime value) {
        return TIMESTAMP.format(value.toOffsetDateTime());
    }

    /**
     * Formats a {@code java.util.Date} (including {@code java.sql.Timestamp} and {@code java.sql.Date})
     * in UTC, through its epoch milliseconds: {@code java.sql.Date.toInstant()} would throw.
     *
     * @param value the date, not null
     * @return the timestamp in UTC
     */
    public static String timestamp(Date value) {
        return timestamp(Instant.ofEpochMilli(value.getTime()));
    }

    /**
     * Formats a local date-time that is known to be in the given zone.
     *
     * @param value the local date-time, not null
     * @param zone the zone the value is in, from {@code @OmetriaField(zone = …)}
     * @return the timestamp with the zone's offset at that moment
     */
    public static String timestamp(LocalDateTime value, ZoneId zone) {
        return timestamp(value.atZone(zone));
    }

    /**
     * Formats a date as {@code YYYY-MM-DD}.
     *
     * @param value the date, not null
     * @return for example {@code 1990-04-23}
     */
    public static String date(LocalDate value) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(value);
    }

    /**
     * The country code of a locale.
     *
     * @param value a locale, or null
     * @return its ISO 3166 alpha-2 country, or null when the locale is null or names no country
     */
    public static String country(Locale value) {
        if (value == null || value.getCountry().isEmpty()) {
            return null;
        }
        return value.getCountry();
    }

    /**
     * A {@code BigDecimal} as plain JSON number text, never in exponent form ({@code 1E+3}).
     *
     * @param value the number, not null
     * @return for example {@code 1000} or {@code 12.50}
     */
    public static String plain(BigDecimal value) {
        return value.toPlainString();
    }

    /**
     * Checks that a {@code double} can be written as a JSON number.
     *
     * @param value the number
     * @param field the Ometria field, for the message
     * @return the number
     * @throws IllegalArgumentException for NaN and infinities, which JSON cannot represent
     */
    public static double finite(double value, String field) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw notFinite(value, field);
        }
        return value;
    }

    /**
     * Checks that a {@code float} can be written as a JSON number.
     *
     * @param value the number
     * @param field the Ometria field, for the message
     * @return the number
     * @throws IllegalArgumentException for NaN and infinities, which JSON cannot represent
     */
    public static float finite(float value, String field) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            throw notFinite(value, field);
        }
        return value;
    }

    private static IllegalArgumentException notFinite(Object value, String field) {
        return new IllegalArgumentException("Ometria field '" + field + "' is " + value
                + ": JSON numbers must be finite; map a BigDecimal or check the value before saving");
    }

    /**
     * Writes a JSON array of strings from strings, character sequences or enum constants (written by
     * {@code name()}); null elements are skipped.
     *
     * @param generator where the array is written
     * @param values the elements, not null
     * @throws IOException when the generator fails
     */
    public static void writeStringArray(JsonGenerator generator, Iterable<?> values) throws IOException {
        generator.writeStartArray();
        for (Object value : values) {
            if (value != null) {
                generator.writeString(value instanceof Enum<?> constant ? constant.name() : value.toString());
            }
        }
        generator.writeEndArray();
    }

    /**
     * Writes a JSON array of strings from an array; null elements are skipped.
     *
     * @param generator where the array is written
     * @param values the elements, not null
     * @throws IOException when the generator fails
     */
    public static void writeStringArray(JsonGenerator generator, Object[] values) throws IOException {
        writeStringArray(generator, Arrays.asList(values));
    }

    /**
     * Writes a free-form JSON object, such as a {@code Map} mapped to {@code properties}. Keys are
     * written in the map's iteration order; values follow {@link #writeFreeValue}.
     *
     * @param generator where the object is written
     * @param values the entries, not null
     * @param field the Ometria field, for messages
     * @throws IOException when the generator fails
     * @throws IllegalArgumentException when a key is null or a value has no JSON form
     */
    public static void writeFreeObject(JsonGenerator generator, Map<?, ?> values, String field) throws IOException {
        generator.writeStartObject();
        for (Map.Entry<?, ?> entry : values.entrySet()) {
            if (entry.getKey() == null) {
                throw new IllegalArgumentException("Ometria field '" + field + "' has a null key");
            }
            String key = entry.getKey().toString();
            generator.writeFieldName(key);
            writeFreeValue(generator, entry.getValue(), field + "." + key);
        }
        generator.writeEndObject();
    }

    /**
     * Writes one value of a free-form object: null, strings, booleans, numbers (finite; BigDecimal plain),
     * enums by name, UUIDs, currencies by code, locales as language tags, dates and date-times as
     * ISO-8601 (instants in UTC), maps as objects, and collections or arrays as arrays.
     *
     * @param generator where the value is written
     * @param value the value, may be null
     * @param field the path of the value, for messages
     * @throws IOException when the generator fails
     * @throws IllegalArgumentException for a value with no JSON form, such as a {@code LocalDateTime}
     *     (it has no offset) or an arbitrary object
     */
    public static void writeFreeValue(JsonGenerator generator, Object value, String field) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof CharSequence text) {
            generator.writeString(text.toString());
        } else if (value instanceof Boolean flag) {
            generator.writeBoolean(flag);
        } else if (value instanceof Number number) {
            writeFreeNumber(generator, number, field);
        } else if (value instanceof Enum<?> constant) {
            generator.writeString(constant.name());
        } else if (value instanceof UUID || value instanceof Character) {
            generator.writeString(value.toString());
        } else if (value instanceof Currency currency) {
            generator.writeString(currency.getCurrencyCode());
        } else if (value instanceof Locale locale) {
            generator.writeString(locale.toLanguageTag());
        } else if (value instanceof Date date) {
            generator.writeString(timestamp(date));
        } else if (value instanceof TemporalAccessor temporal) {
            generator.writeString(freeTemporal(temporal, field));
        } else if (value instanceof Map<?, ?> map) {
            writeFreeObject(generator, map, field);
        } else if (value instanceof Iterable<?> iterable) {
            generator.writeStartArray();
            for (Object element : iterable) {
                writeFreeValue(generator, element, field);
            }
            generator.writeEndArray();
        } else if (value instanceof Object[] array) {
            writeFreeValue(generator, Arrays.asList(array), field);
        } else {
            throw new IllegalArgumentException("Ometria field '" + field + "' holds a " + value.getClass().getName()
                    + ", which has no JSON form: use strings, numbers, booleans, dates, maps or collections");
        }
    }

    private static void writeFreeNumber(JsonGenerator generator, Number number, String field) throws IOException {
        if (number instanceof BigDecimal decimal) {
            generator.writeNumber(plain(decimal));
        } else if (number instanceof BigInteger integer) {
            generator.writeNumber(integer);
        } else if (number instanceof Float single) {
            generator.writeNumber(finite(single.floatValue(), field));
        } else if (number instanceof Double) {
            generator.writeNumber(finite(number.doubleValue(), field));
        } else {
            generator.writeNumber(number.longValue());
        }
    }

    private static String freeTemporal(TemporalAccessor temporal, String field) {
        if (temporal instanceof Instant instant) {
            return timestamp(instant);
        } else if (temporal instanceof OffsetDateTime offsetDateTime) {
            return timestamp(offsetDateTime);
        } else if (temporal instanceof ZonedDateTime zonedDateTime) {
            return timestamp(zonedDateTime);
        } else if (temporal instanceof LocalDate localDate) {
            return date(localDate);
        }
        throw new IllegalArgumentException("Ometria field '" + field + "' holds a " + temporal.getClass().getName()
                + " without an offset: use Instant, OffsetDateTime, ZonedDateTime or LocalDate");
    }
}
