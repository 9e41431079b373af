package dev.ometriasync.testkit.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The simulated network in front of the API: a random real-time wait per request, and an extra one for the first
 * request of each connection (its set-up). Connections are told apart by the client's address and port. Thread-safe.
 */
final class NetworkDelay {

    private final long minNanos;
    private final long maxNanos;
    private final long newConnectionNanos;
    private final Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();

    NetworkDelay(Duration min, Duration max, Duration newConnection) {
        this.minNanos = min.toNanos();
        this.maxNanos = max.toNanos();
        this.newConnectionNanos = newConnection.toNanos();
    }

    /** Waits as the network would before the request from {@code client} reaches the API. */
    void delay(InetSocketAddress client) {
        long nanos = maxNanos > minNanos ? ThreadLocalRandom.current().nextLong(minNanos, maxNanos + 1) : minNanos;
        if (newConnectionNanos > 0 && client != null && connections.add(client)) {
            nanos += newConnectionNanos;
        }
        if (nanos > 0) {
            try {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void forgetConnections() {
        connections.clear();
    }
}
