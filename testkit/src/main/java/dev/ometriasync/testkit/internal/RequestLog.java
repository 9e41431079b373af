package dev.ometriasync.testkit.internal;

import dev.ometriasync.testkit.RecordedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every request the simulator answered, in order of arrival. A request is numbered and timed when it arrives, and
 * listed once its answer is decided (a held or delayed request joins the list later, in its place). Thread-safe.
 */
public final class RequestLog {

    /** A request's place: its sequence number and arrival time, taken together so that they agree. */
    record Arrival(long sequence, Instant at) {
    }

    private final List<RecordedRequest> requests = new ArrayList<>();
    private long nextSequence = 1;

    /**
     * Numbers and times an arriving request in one step: taken apart, two requests arriving together could get
     * their numbers in one order and their times in the other.
     */
    synchronized Arrival arrive(Clock clock) {
        return new Arrival(nextSequence++, clock.instant());
    }

    synchronized void add(RecordedRequest request) {
        // Handlers finish out of order (delays, holds); keep the list in arrival order.
        int at = requests.size();
        while (at > 0 && requests.get(at - 1).sequence() > request.sequence()) {
            at--;
        }
        requests.add(at, request);
    }

    public synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    public synchronized List<RecordedRequest> matching(Predicate<? super RecordedRequest> filter) {
        return requests.stream().filter(filter).toList();
    }

    public synchronized int count(Predicate<? super RecordedRequest> filter) {
        return (int) requests.stream().filter(filter).count();
    }

    /**
     * The largest number of matching requests that arrived within any window of the given length, the window
     * being half-open {@code [t, t + length)} like the simulator's own rate limit.
     */
    public synchronized int maxInAnyWindow(Duration length, Predicate<? super RecordedRequest> filter) {
        List<RecordedRequest> matching = requests.stream().filter(filter)
                .sorted((a, b) -> a.arrival().compareTo(b.arrival())).toList();
        int max = 0;
        int start = 0;
        for (int end = 0; end < matching.size(); end++) {
            while (!matching.get(start).arrival().plus(length).isAfter(matching.get(end).arrival())) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }

    public synchronized void clear() {
        requests.clear();
        nextSequence = 1;
    }
}
