package dev.ometriasync.runtime.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a duration property: a {@link Duration}, ISO-8601 text or a number with a unit suffix ({@code 500ms}, {@code 10s}, {@code 5m}, {@code 24h}, {@code 7d}). */
public final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * Parses a duration property value.
     *
     * @param value a Duration, an ISO-8601 string or a number with a unit suffix
     * @return the duration
     * @throws IllegalArgumentException when the value is none of these or negative
     */
    public static Duration parse(Object value) {
        if (value instanceof Duration duration) {
            return requireNotNegative(duration);
        }
        String text = value.toString().trim();
        Matcher simple = SIMPLE.matcher(text.toLowerCase(Locale.ROOT));
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            return switch (simple.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return requireNotNegative(Duration.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a duration such as 500ms, 10s, 5m, 24h or PT10S");
        }
    }

    private static Duration requireNotNegative(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a duration must not be negative");
        }
        return duration;
    }
}
