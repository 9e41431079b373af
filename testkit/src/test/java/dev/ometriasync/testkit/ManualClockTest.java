package dev.ometriasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ManualClockTest {

    @Test
    void movesOnlyWhenTold() {
        ManualClock clock = new ManualClock();

        assertThat(clock.instant()).isEqualTo(ManualClock.DEFAULT_START);
        assertThat(clock.advance(Duration.ofMillis(1500))).isEqualTo(ManualClock.DEFAULT_START.plusMillis(1500));
        assertThat(clock.millis()).isEqualTo(ManualClock.DEFAULT_START.toEpochMilli() + 1500);
        clock.set(Instant.EPOCH);
        assertThat(clock.instant()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void zonedViewsShareTheTime() {
        ManualClock clock = new ManualClock();
        Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));

        clock.advance(Duration.ofHours(1));

        assertThat(paris.instant()).isEqualTo(clock.instant());
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(clock.withZone(clock.getZone())).isSameAs(clock);
    }

    @Test
    void refusesToGoBackwardsThroughAdvance() {
        ManualClock clock = new ManualClock();

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only moves forward");
    }

    @Test
    void isSafeToAdvanceFromManyThreads() throws InterruptedException {
        ManualClock clock = new ManualClock();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    clock.advance(Duration.ofMillis(1));
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(clock.instant()).isEqualTo(ManualClock.DEFAULT_START.plusMillis(4000));
    }
}
