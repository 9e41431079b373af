package dev.ometriasync.benchmarks.soak.check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the moments when more requests arrived within one sliding window than the account allows, from the
 * arrival times the simulator logged (real time). Windows are half-open like the simulator's own limit: a request
 * at {@code t} sees those that arrived in {@code (t - window, t]}.
 */
public final class RateCheck {

    private RateCheck() {
    }

    /**
     * One request of an over-limit burst.
     *
     * @param arrival when it arrived
     * @param outcome what the simulator answered
     */
    public record Arrival(Instant arrival, String outcome) {
    }

    /**
     * @param unordered every push request, in any order (sorted here by arrival; the simulator lists them so already)
     * @param window the window length (one second)
     * @param limit requests allowed per window
     * @return each burst over the limit: the requests of a window holding more than {@code limit}, ending at the
     *     request that went over; overlapping windows are reported once, by their fullest window
     */
    public static List<List<Arrival>> overLimit(List<Arrival> unordered, Duration window, int limit) {
        List<Arrival> arrivals = new ArrayList<>(unordered);
        arrivals.sort(Comparator.comparing(Arrival::arrival));
        List<List<Arrival>> bursts = new ArrayList<>();
        int first = 0;
        int lastReportedEnd = -1;
        for (int i = 0; i < arrivals.size(); i++) {
            Instant now = arrivals.get(i).arrival();
            while (!arrivals.get(first).arrival().isAfter(now.minus(window))) {
                first++;
            }
            if (i - first + 1 > limit) {
                List<Arrival> burst = new ArrayList<>(arrivals.subList(first, i + 1));
                if (first <= lastReportedEnd && !bursts.isEmpty()) {
                    if (burst.size() >= bursts.get(bursts.size() - 1).size()) {
                        bursts.set(bursts.size() - 1, burst);
                    }
                } else {
                    bursts.add(burst);
                }
                lastReportedEnd = i;
            }
        }
        return bursts;
    }
}
