package dev.ometriasync.runtime.internal.client;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads an HTTP {@code Retry-After} value (RFC 9110 §10.2.3): either a number of seconds or an HTTP-date.
 * Ometria does not document the header; when present it is a hint, and a value that cannot be read is
 * ignored rather than trusted.
 */
final class RetryAfterHeader {

    private RetryAfterHeader() {
    }

    /**
     * Parses a header value.
     *
     * @param value the header value, may be null
     * @param clock the clock an HTTP-date is measured against
     * @return how long to wait (zero for a date in the past), or empty when absent or unreadable
     */
    static Optional<Duration> parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
            } catch (NumberFormatException tooLong) {
                return Optional.empty();
            }
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
