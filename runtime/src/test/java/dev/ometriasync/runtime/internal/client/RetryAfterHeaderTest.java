package dev.ometriasync.runtime.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterHeaderTest {

    private final Clock clock = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsSeconds() {
        assertThat(RetryAfterHeader.parse("120", clock)).contains(Duration.ofMinutes(2));
        assertThat(RetryAfterHeader.parse(" 0 ", clock)).contains(Duration.ZERO);
    }

    @Test
    void readsAnHttpDateAgainstTheClock() {
        assertThat(RetryAfterHeader.parse("Sat, 01 Mar 2025 12:01:30 GMT", clock)).contains(Duration.ofSeconds(90));
    }

    @Test
    void aDateInThePastMeansNow() {
        assertThat(RetryAfterHeader.parse("Sat, 01 Mar 2025 11:59:00 GMT", clock)).contains(Duration.ZERO);
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(RetryAfterHeader.parse(null, clock)).isEmpty();
        assertThat(RetryAfterHeader.parse("", clock)).isEmpty();
        assertThat(RetryAfterHeader.parse("-5", clock)).isEmpty();
        assertThat(RetryAfterHeader.parse("1.5", clock)).isEmpty();
        assertThat(RetryAfterHeader.parse("99999999999999999999999", clock)).isEmpty();
        assertThat(RetryAfterHeader.parse("tomorrow", clock)).isEmpty();
    }
}
