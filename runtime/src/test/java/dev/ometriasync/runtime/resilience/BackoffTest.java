package dev.ometriasync.runtime.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The arithmetic of {@link Backoff}, as its Javadoc states it. */
class BackoffTest {

    private static final Backoff ONE_TO_SIXTY = Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(60));

    @Test
    void theCeilingDoublesFromTheInitialDelayUpToTheMaximum() {
        assertThat(ONE_TO_SIXTY.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ONE_TO_SIXTY.ceiling(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(ONE_TO_SIXTY.ceiling(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(ONE_TO_SIXTY.ceiling(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(ONE_TO_SIXTY.ceiling(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(ONE_TO_SIXTY.ceiling(1_000_000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void withoutJitterTheDelayIsTheCeiling() {
        for (int n = 1; n <= 10; n++) {
            assertThat(ONE_TO_SIXTY.delay(n, 0.0)).isEqualTo(ONE_TO_SIXTY.ceiling(n));
            assertThat(ONE_TO_SIXTY.delay(n, 0.999)).isEqualTo(ONE_TO_SIXTY.ceiling(n));
        }
    }

    @Test
    void equalJitterStaysInTheUpperHalfOfTheCeiling() {
        Backoff equal = ONE_TO_SIXTY.withEqualJitter();

        assertThat(equal.delay(1, 0.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(equal.delay(1, 0.5)).isEqualTo(Duration.ofMillis(750));
        assertThat(equal.delay(3, 0.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(equal.delay(3, 0.75)).isEqualTo(Duration.ofMillis(3500));
        assertThat(equal.delay(20, 0.0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(equal.delay(20, 0.999_999_999)).isLessThan(Duration.ofSeconds(60)).isGreaterThan(Duration.ofMillis(59_999));
    }

    @Test
    void proportionalJitterMovesTheCeilingByUpToTheFactorEitherWay() {
        Backoff proportional = Backoff.exponential(Duration.ofSeconds(1), Duration.ofMinutes(5)).withProportionalJitter(0.25);

        assertThat(proportional.delay(1, 0.0)).isEqualTo(Duration.ofMillis(750));
        assertThat(proportional.delay(1, 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(proportional.delay(2, 0.0)).isEqualTo(Duration.ofMillis(1500));
        assertThat(proportional.delay(2, 0.75)).isEqualTo(Duration.ofMillis(2250));
        assertThat(proportional.delay(30, 0.0)).isEqualTo(Duration.ofSeconds(225));
        assertThat(proportional.delay(30, 0.999_999)).isLessThan(Duration.ofSeconds(375)).isGreaterThan(Duration.ofSeconds(374));
    }

    @Test
    void theRelaysRowRescheduleIsTwoToThePowerOfTheAttemptsCappedAtTenMinutes() {
        Backoff rows = Backoff.exponential(Duration.ofSeconds(2), Duration.ofMinutes(10));
        for (int attempts = 1; attempts <= 20; attempts++) {
            long expected = Math.min(600, 1L << Math.min(attempts, 10));
            assertThat(rows.ceiling(attempts)).as("attempt %d", attempts).isEqualTo(Duration.ofSeconds(expected));
        }
    }

    @Test
    void theBudgetIsCarriedWithThePolicy() {
        assertThat(ONE_TO_SIXTY.budget()).isNull();
        assertThat(ONE_TO_SIXTY.withBudget(Duration.ofHours(24)).withEqualJitter().budget()).isEqualTo(Duration.ofHours(24));
        assertThatThrownBy(() -> ONE_TO_SIXTY.withBudget(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesWhatTheArithmeticCannotMean() {
        assertThatThrownBy(() -> Backoff.exponential(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ONE_TO_SIXTY.withProportionalJitter(1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ONE_TO_SIXTY.ceiling(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ONE_TO_SIXTY.delay(1, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
