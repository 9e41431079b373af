package dev.ometriasync.benchmarks.soak.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Over-limit seconds are found from arrival times, with the simulator's half-open windows. */
class RateCheckTest {

    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");

    @Test
    void evenlySpacedRequestsAtTheLimitAreNeverOver() {
        List<RateCheck.Arrival> arrivals = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            arrivals.add(at(i * 250));
        }
        assertThat(RateCheck.overLimit(arrivals, Duration.ofSeconds(1), 4)).isEmpty();
    }

    @Test
    void aFifthRequestWithinOneSecondIsReportedWithItsWindow() {
        List<RateCheck.Arrival> arrivals = List.of(at(0), at(250), at(500), at(750), at(999), at(1_500), at(3_000));

        List<List<RateCheck.Arrival>> bursts = RateCheck.overLimit(arrivals, Duration.ofSeconds(1), 4);

        assertThat(bursts).singleElement().satisfies(burst -> assertThat(burst).hasSize(5).first().isEqualTo(at(0)));
    }

    @Test
    void arrivalsLoggedOutOfOrderAreSortedFirst() {
        List<RateCheck.Arrival> arrivals = List.of(at(750), at(0), at(999), at(250), at(500));

        assertThat(RateCheck.overLimit(arrivals, Duration.ofSeconds(1), 4)).singleElement()
                .satisfies(burst -> assertThat(burst).containsExactly(at(0), at(250), at(500), at(750), at(999)));
    }

    @Test
    void aRequestExactlyOneSecondLaterNoLongerSeesTheFirst() {
        List<RateCheck.Arrival> arrivals = List.of(at(0), at(250), at(500), at(750), at(1_000));

        assertThat(RateCheck.overLimit(arrivals, Duration.ofSeconds(1), 4)).isEmpty();
    }

    @Test
    void overlappingWindowsAreOneBurstAndSeparateOnesAreTwo() {
        List<RateCheck.Arrival> arrivals = List.of(at(0), at(100), at(200), at(300), at(400), at(500),
                at(10_000), at(10_100), at(10_200), at(10_300), at(10_400));

        List<List<RateCheck.Arrival>> bursts = RateCheck.overLimit(arrivals, Duration.ofSeconds(1), 4);

        assertThat(bursts).hasSize(2);
        assertThat(bursts.get(0)).hasSize(6);
        assertThat(bursts.get(1)).hasSize(5);
    }

    private static RateCheck.Arrival at(long millis) {
        return new RateCheck.Arrival(T0.plusMillis(millis), "accepted");
    }
}
