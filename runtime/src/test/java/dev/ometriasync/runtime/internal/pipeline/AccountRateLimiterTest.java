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

    /**
     * The arrival-safety property on the limiter's own logic: requests take slots at irregular moments, their answers
     * come back after random round trips (up to 300 ms), and each arrives at Ometria at a random moment between
     * hand-off and answer. Whatever the moment, no sliding second holds more arrivals than the rate.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 8, 10, 25, 100})
    void noSlidingSecondAtTheReceiverEverHoldsMoreRequestsThanTheRate(int rate) {
        AccountRateLimiter limiter = new AccountRateLimiter(rate, () -> 0.5);
        Random random = new Random(rate);
        List<Instant> arrivals = new ArrayList<>();
        java.util.PriorityQueue<Object[]> answers = new java.util.PriorityQueue<>((a, b) -> ((Instant) a[0]).compareTo((Instant) b[0]));
        Instant now = T0;
        while (arrivals.size() < 500) {
            // Callers arrive at irregular moments, sometimes long after a slot became free, sometimes early.
            now = now.plusNanos((long) (random.nextDouble() * 400_000_000L / rate));
            while (!answers.isEmpty() && !((Instant) answers.peek()[0]).isAfter(now)) {
                Object[] answer = answers.poll();
                limiter.release((AccountRateLimiter.Slot) answer[1], (Instant) answer[0]);
            }
            Optional<AccountRateLimiter.Slot> slot = limiter.tryAcquire(now);
            if (slot.isPresent()) {
                long roundTrip = (long) (random.nextDouble() * 300_000_000L);
                arrivals.add(now.plusNanos((long) (random.nextDouble() * roundTrip)));
                answers.add(new Object[] {now.plusNanos(roundTrip), slot.get()});
            }
        }
        arrivals.sort(null);
        for (int i = 0; i < arrivals.size(); i++) {
            // The fullest half-open second starts at an arrival.
            Instant start = arrivals.get(i);
            long inWindow = arrivals.stream().filter(p -> !p.isBefore(start) && p.isBefore(start.plusSeconds(1))).count();
            assertThat(inWindow).as("arrivals in the second from %s", start).isLessThanOrEqualTo(rate);
        }
    }

    @Test
    void anIdleAccountGetsRateSlotsAtOnceAndTheNextOneASecondAfterTheFirstAnswer() {
        AccountRateLimiter limiter = new AccountRateLimiter(4, () -> 0.5);
        List<AccountRateLimiter.Slot> slots = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            slots.add(limiter.tryAcquire(T0).orElseThrow());
        }
        assertThat(limiter.tryAcquire(T0)).isEmpty();
        // Unanswered requests hold their slots: the time is not known yet, so callers look again soon.
        assertThat(limiter.timeUntilFree(T0.plusSeconds(5))).isEqualTo(AccountRateLimiter.RECHECK_WHILE_IN_FLIGHT);
        limiter.release(slots.get(2), T0.plusMillis(80));
        limiter.release(slots.get(0), T0.plusMillis(120));
        // The earliest answer frees the first slot, one second after it came back.
        assertThat(limiter.timeUntilFree(T0.plusMillis(200))).isEqualTo(Duration.ofMillis(880));
        assertThat(limiter.tryAcquire(T0.plusMillis(1079))).isEmpty();
        assertThat(limiter.tryAcquire(T0.plusMillis(1080))).isPresent();
        assertThat(limiter.tryAcquire(T0.plusMillis(1080))).isEmpty();
        assertThat(limiter.tryAcquire(T0.plusMillis(1120))).isPresent();
        assertThat(limiter.slotsInUse(T0.plusMillis(1120))).isEqualTo(4);
    }

    @Test
    void aRequestThatIsNeverAnsweredFreesItsSlotAfterTheLongestHold() {
        AccountRateLimiter limiter = new AccountRateLimiter(1, () -> 0.5);
        limiter.tryAcquire(T0).orElseThrow();
        assertThat(limiter.tryAcquire(T0.plus(AccountRateLimiter.LONGEST_HOLD))).isEmpty();
        assertThat(limiter.timeUntilFree(T0.plus(AccountRateLimiter.LONGEST_HOLD))).isEqualTo(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire(T0.plus(AccountRateLimiter.LONGEST_HOLD).plusSeconds(1))).isPresent();
    }

    @Test
    void ratesBelowOneGiveOneSlotPerIntervalAndFractionsAboveOneRoundDown() {
        AccountRateLimiter slow = new AccountRateLimiter(0.5, () -> 0.5);
        assertThat(slow.capacity()).isEqualTo(1);
        assertThat(slow.window()).isEqualTo(Duration.ofSeconds(2));
        AccountRateLimiter.Slot slot = slow.tryAcquire(T0).orElseThrow();
        slow.release(slot, T0.plusMillis(10));
        assertThat(slow.timeUntilFree(T0.plusMillis(10))).isEqualTo(Duration.ofSeconds(2));

        AccountRateLimiter fractional = new AccountRateLimiter(2.5, () -> 0.5);
        assertThat(fractional.capacity()).isEqualTo(2);
        assertThat(fractional.window()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aLowerRateTakesEffectOnceEnoughSlotsAreFree() {
        AccountRateLimiter limiter = new AccountRateLimiter(8, () -> 0.5);
        for (int i = 0; i < 6; i++) {
            limiter.release(limiter.tryAcquire(T0).orElseThrow(), T0.plusMillis(10L * i));
        }
        limiter.setRate(4);
        // Six slots count, four may: the third to be freed (at 20 ms + 1 s) makes room for one more.
        assertThat(limiter.timeUntilFree(T0.plusMillis(100))).isEqualTo(Duration.ofMillis(920));
    }

    @Test
    void aRetryAfterHintPausesTheAccountForAtLeastThatLong() {
        AccountRateLimiter limiter = new AccountRateLimiter(4, () -> 0.99);
        Duration pause = limiter.pauseAfterRateLimit(Optional.of(Duration.ofSeconds(3)), T0);
        assertThat(pause).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(3).plus(AccountRateLimiter.RETRY_AFTER_JITTER));
        assertThat(limiter.tryAcquire(T0.plusSeconds(3).minusNanos(1))).isEmpty();
        assertThat(limiter.tryAcquire(T0.plus(pause))).isPresent();
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
    void aFillingBacklogSpacesRequestsInProportionAndADrainedOneLiftsTheSpacing() {
        AccountRateLimiter limiter = new AccountRateLimiter(4, () -> 0.5);
        Duration interval = limiter.interval();
        assertThat(interval).isEqualTo(Duration.ofMillis(250));
        assertThat(limiter.tryAcquire(T0)).isPresent();

        // More than half of the backlog remains: full pace, the window alone decides (three slots still free).
        assertThat(limiter.onQueueState(new QueueState(25_000, OptionalLong.of(50_000)))).isEqualTo(1.0);
        assertThat(limiter.timeUntilFree(T0)).isZero();
        // A quarter remains: half the pace, requests two intervals apart.
        assertThat(limiter.onQueueState(new QueueState(12_500, OptionalLong.of(50_000)))).isEqualTo(0.5);
        assertThat(limiter.timeUntilFree(T0)).isEqualTo(interval.multipliedBy(2));
        // Nothing remains: the slowest pace, never a standstill (a 429 pauses the account if it comes to that).
        assertThat(limiter.onQueueState(new QueueState(0, OptionalLong.of(50_000)))).isEqualTo(AccountRateLimiter.MIN_PACE);
        assertThat(limiter.timeUntilFree(T0).toMillis()).isBetween(interval.toMillis() * 19, interval.toMillis() * 21);
        // The backlog drained: the next request may go at once.
        limiter.onQueueState(new QueueState(49_000, OptionalLong.of(50_000)));
        assertThat(limiter.timeUntilFree(T0)).isZero();
    }

    @Test
    void withoutALimitHeaderTheDocumentedBacklogOf50000Applies() {
        AccountRateLimiter limiter = new AccountRateLimiter(8, () -> 0.5);
        assertThat(limiter.onQueueState(new QueueState(5_000, OptionalLong.empty()))).isEqualTo(0.2);
        assertThat(limiter.onQueueState(new QueueState(500, OptionalLong.of(1_000)))).isEqualTo(1.0);
    }
}
