package dev.ometriasync.benchmarks.support;

import dev.ometriasync.testkit.OmetriaSimulator;
import dev.ometriasync.testkit.RecordedRequest;
import java.time.Duration;
import java.util.List;

/**
 * What the simulator saw, summarised for a table row.
 *
 * @param pushRequests push requests received
 * @param acceptedRequests push requests answered 200
 * @param recordsAccepted records in the requests answered 200
 * @param rateLimited push requests answered 429
 * @param maxInAnySecond the most push requests in any sliding second
 * @param acceptedSpan time between the arrivals of the first and the last accepted request
 */
public record PushCounts(int pushRequests, int acceptedRequests, long recordsAccepted, int rateLimited,
                         int maxInAnySecond, Duration acceptedSpan) {

    /**
     * @param simulator the simulator
     * @return its counts now
     */
    public static PushCounts of(OmetriaSimulator simulator) {
        List<RecordedRequest> pushes = simulator.pushRequests();
        int accepted = 0;
        long records = 0;
        RecordedRequest first = null;
        RecordedRequest last = null;
        for (RecordedRequest request : pushes) {
            if (request.status() == 200) {
                accepted++;
                records += request.recordCount();
                if (first == null) {
                    first = request;
                }
                last = request;
            }
        }
        Duration span = first == null ? Duration.ZERO : Duration.between(first.arrival(), last.arrival());
        return new PushCounts(pushes.size(), accepted, records, simulator.rateLimitedCount(),
                simulator.maxPushRequestsInAnySecond(), span);
    }

    /** @return mean records per accepted request */
    public double recordsPerRequest() {
        return acceptedRequests == 0 ? 0 : (double) recordsAccepted / acceptedRequests;
    }
}
