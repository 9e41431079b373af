package dev.ometriasync.runtime.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import dev.ometriasync.runtime.QueueState;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountRateLimiterTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 8, 10, 25, 100})
    void noSlidingSecondEverHoldsMorePermitsThanTheRate(int rate) {
        AccountRateLimiter limiter = new AccountRateLimiter(rate, () -> 0.5);
        Random random = new Random(rate);
        List<Instant> permits = new ArrayList<>();
        Instant now = T0;
        while (permits.size() < 500) {
            // Callers arrive at irregular moments, sometimes long after a permit became free, sometimes early.
            now = now.plusNanos((long) (random.nextDouble() * 2_000_000_000L / rate));
            if (limiter.tryAcquire(now).isZero()) {
                permits.add(now);
            }
        }
        for (int i = 0; i < permits.size(); i++) {
            // The fullest half-open second starts at a permit.
            Instant start = permits.get(i);
            long inWindow = permits.stream().filter(p -> !p.isBefore(start) && p.isBefore(start.plusSeconds(1))).count();
            assertThat(inWindow).as("permits in the second from %s", permits.get(i)).isLessThanOrEqualTo(rate);
        }
    }

    @Test
    void anIdleLimiterGivesAPermitAtOnceAndThenOneIntervalLater() {
        AccountRateLimiter limiter = new AccountRateLimiter(4, () -> 0.5);
        assertThat(limiter.tryAcquire(T0)).isZero();
        Duration wait = limiter.tryAcquire(T0);
        assertThat(wait).isEqualTo(limiter.interval());
        assertThat(limiter.interval()).isBetween(Duration.ofMillis(257), Duration.ofMillis(258)); // 1 s / (4 × 0.97)
        assertThat(limiter.tryAcquire(T0.plus(wait))).isZero();
        // No burst is stored: after a long idle time, still one permit, then one interval.
        Instant later = T0.plusSeconds(60);
        assertThat(limiter.tryAcquire(later)).isZero();
        assertThat(limiter.tryAcquire(later)).isEqualTo(limiter.interval());
    }

    @Test
    void aRetryAfterHintPausesTheAccountForAtLeastThatLong() {
        AccountRateLimiter limiter = new AccountRateLimiter(4, () -> 0.99);
        Duration pause = limiter.pauseAfterRateLimit(Optional.of(Duration.ofSeconds(3)), T0);
        assertThat(pause).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(3).plus(AccountRateLimiter.RETRY_AFTER_JITTER));
        assertThat(limiter.tryAcquire(T0.plusSeconds(3).minusNanos(1))).isPositive();
        assertThat(limiter.tryAcquire(T0.plus(pause))).isZero();
    }

    @Test
    void withoutAHintConsecutive429sBackOffExponentiallyWithJitterUpToTheCap() {
        AccountRateLimiter low = new AccountRateLimiter(4, () -> 0.0);
        AccountRateLimiter high = new AccountRateLimiter(4, () -> 0.999);
        List<Duration> lows = new ArrayList<>();
        List<Duration> highs = new ArrayList<>();
        Instant now = T0;
        for (int i = 0; i < 10; i++) {
            lows.add(low.pauseAfterRateLimit(Optional.empty(), now));
            highs.add(high.pauseAfterRateLimit(Optional.empty(), now));
            now = now.plus(AccountRateLimiter.MAX_PAUSE);
        }
        assertThat(lows.subList(0, 3)).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(highs.get(0)).isLessThan(Duration.ofSeconds(1)).isGreaterThan(Duration.ofMillis(990));
        assertThat(highs).allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(AccountRateLimiter.MAX_PAUSE));
        assertThat(lows.get(9)).isEqualTo(AccountRateLimiter.MAX_PAUSE.dividedBy(2));

        low.onAccepted();
        assertThat(low.pauseAfterRateLimit(Optional.empty(), now)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aFillingBacklogStretchesTheIntervalInProportionAndADrainedOneRestoresIt() {
        AccountRateLimiter limiter = new AccountRateLimiter(4, () -> 0.5);
        Duration interval = limiter.interval();
        assertThat(limiter.tryAcquire(T0)).isZero();

        // More than half of the backlog remains: full pace.
        assertThat(limiter.onQueueState(new QueueState(25_000, OptionalLong.of(50_000)))).isEqualTo(1.0);
        assertThat(limiter.timeUntilFree(T0)).isEqualTo(interval);
        // A quarter remains: half the pace, twice the interval.
        assertThat(limiter.onQueueState(new QueueState(12_500, OptionalLong.of(50_000)))).isEqualTo(0.5);
        assertThat(limiter.timeUntilFree(T0)).isEqualTo(interval.multipliedBy(2));
        // Nothing remains: the slowest pace, never a standstill (a 429 pauses the account if it comes to that).
        assertThat(limiter.onQueueState(new QueueState(0, OptionalLong.of(50_000)))).isEqualTo(AccountRateLimiter.MIN_PACE);
        assertThat(limiter.timeUntilFree(T0).toMillis()).isBetween(interval.toMillis() * 19, interval.toMillis() * 21);
        // The backlog drained: the next permit is due one ordinary interval after the last, at once.
        limiter.onQueueState(new QueueState(49_000, OptionalLong.of(50_000)));
        assertThat(limiter.timeUntilFree(T0.plus(interval))).isZero();
    }

    @Test
    void withoutALimitHeaderTheDocumentedBacklogOf50000Applies() {
        AccountRateLimiter limiter = new AccountRateLimiter(8, () -> 0.5);
        assertThat(limiter.onQueueState(new QueueState(5_000, OptionalLong.empty()))).isEqualTo(0.2);
        assertThat(limiter.onQueueState(new QueueState(500, OptionalLong.of(1_000)))).isEqualTo(1.0);
    }
}
