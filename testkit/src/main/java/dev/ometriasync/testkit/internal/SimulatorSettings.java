package dev.ometriasync.testkit.internal;

import java.time.Clock;
import java.time.Duration;

/**
 * The simulator's configuration, validated by {@link dev.ometriasync.testkit.OmetriaSimulator.Builder}.
 *
 * @param apiKey the only key {@code X-Ometria-Auth} may hold
 * @param requestsPerSecond push requests admitted per {@code rateWindow}
 * @param rateWindow length of the sliding rate window (1 s)
 * @param maxRecordsPerRequest array elements allowed per push (100)
 * @param maxRecordBytes UTF-8 bytes allowed per record as sent (60,000)
 * @param backlogCap records that may wait to be processed before pushes get 429 (50,000): {@code X-QueueSize-Limit}
 * @param backlogDrainPerSecond records processed per second from the backlog (an assumption)
 * @param sendRetryAfter whether a 429 carries {@code Retry-After} (not documented by Ometria)
 * @param successStatus the status of an accepted push: 200 or 202 (Ometria documents the body, not the status)
 * @param authFailureStatus 401 or 403
 * @param rejectMixedTypes whether a push mixing {@code @type}s gets 400 (Ometria only advises against it)
 * @param reportUnknownFields whether fields outside the simulator's tables are validation errors
 * @param keepRequestBodies whether the request log keeps bodies
 * @param clock time source for rate windows, the backlog, arrival times and {@code Retry-After}
 * @param networkDelayMin shortest real-time wait before a request is seen (network latency; zero for none)
 * @param networkDelayMax longest such wait: each request waits a random time between the two
 * @param newConnectionDelay extra real-time wait before the first request of each new connection is seen
 *     (connection and TLS set-up; zero for none)
 */
public record SimulatorSettings(String apiKey, int requestsPerSecond, Duration rateWindow, int maxRecordsPerRequest,
                                int maxRecordBytes, int backlogCap, double backlogDrainPerSecond, boolean sendRetryAfter,
                                int successStatus, int authFailureStatus, boolean rejectMixedTypes,
                                boolean reportUnknownFields, boolean keepRequestBodies, Clock clock,
                                Duration networkDelayMin, Duration networkDelayMax, Duration newConnectionDelay) {

    @Override
    public String toString() {
        // The key is a secret in real use: never print it.
        return "SimulatorSettings[requestsPerSecond=" + requestsPerSecond + ", rateWindow=" + rateWindow
                + ", maxRecordsPerRequest=" + maxRecordsPerRequest + ", maxRecordBytes=" + maxRecordBytes
                + ", backlogCap=" + backlogCap + ", backlogDrainPerSecond=" + backlogDrainPerSecond
                + ", sendRetryAfter=" + sendRetryAfter + ", successStatus=" + successStatus
                + ", authFailureStatus=" + authFailureStatus
                + ", rejectMixedTypes=" + rejectMixedTypes + ", reportUnknownFields=" + reportUnknownFields
                + ", keepRequestBodies=" + keepRequestBodies + ", clock=" + clock
                + (networkDelayMax.isZero() ? "" : ", networkDelay=" + networkDelayMin + ".." + networkDelayMax)
                + (newConnectionDelay.isZero() ? "" : ", newConnectionDelay=" + newConnectionDelay) + "]";
    }
}
