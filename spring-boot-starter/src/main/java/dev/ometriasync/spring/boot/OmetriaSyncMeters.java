package dev.ometriasync.spring.boot;

import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.hibernate.OmetriaSyncStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meters of the integration as a whole, read from {@link OmetriaSync#status()} (one outbox query per second at most,
 * however many meters a scrape reads):
 * <ul>
 *   <li>{@code ometria.outbox.pending}, {@code ometria.outbox.dead} (gauges): outbox rows by status;</li>
 *   <li>{@code ometria.outbox.oldest.pending.age} (time gauge): age of the oldest pending row, database clock;</li>
 *   <li>{@code ometria.relay.lease.held} (gauge, 1 or 0): this instance is the active sender;</li>
 *   <li>{@code ometria.relay.failed.rounds} (gauge): relay rounds that failed in a row;</li>
 *   <li>{@code ometria.auth.failed} (gauge, 1 or 0): Ometria refused the API key (401/403);</li>
 *   <li>{@code ometria.records.sent}, {@code ometria.records.rejected}, {@code ometria.records.dead} (counters):
 *       records acknowledged, refused, and given up after the retry budget;</li>
 *   <li>{@code ometria.capture.failures} (counter): unexpected errors while recording changes;</li>
 *   <li>{@code ometria.changes.waiting} (gauge): changed entities direct mode has not yet read and handed to the
 *       pipeline (its limit is {@code ometria.direct.max-pending});</li>
 *   <li>{@code ometria.changes.dropped} (counter): committed changes direct mode dropped because its queue was full;</li>
 *   <li>{@code ometria.changes.unreadable} (counter): committed changes direct mode gave up because their entity could
 *       not be read or serialized after retries (in outbox mode such rows count in {@code ometria.outbox.dead}).</li>
 * </ul>
 * The pipeline publishes its own ({@code ometria.pipeline.queue.depth}, {@code ometria.pipeline.queue.oldest.age},
 * {@code ometria.pipeline.requests} by {@code result}, {@code ometria.pipeline.rate.limited} for 429s, ...).
 */
public class OmetriaSyncMeters implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(OmetriaSyncMeters.class);
    private static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final OmetriaSync sync;
    private OmetriaSyncStatus cached;
    private long cachedAt;

    /**
     * Creates the binder.
     *
     * @param sync the integration
     */
    public OmetriaSyncMeters(OmetriaSync sync) {
        this.sync = sync;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (!sync.isEnabled()) {
            return;
        }
        gauge(registry, "ometria.outbox.pending", "Outbox rows waiting to be sent", s -> s.pendingRows());
        gauge(registry, "ometria.outbox.dead", "Outbox rows that can never be sent as they are", s -> s.deadRows());
        TimeGauge.builder("ometria.outbox.oldest.pending.age", this, TimeUnit.MILLISECONDS, m -> {
            Duration age = m.status().oldestPendingAge();
            return age == null ? 0 : age.toMillis();
        }).description("Age of the oldest pending outbox row").register(registry);
        gauge(registry, "ometria.relay.lease.held", "1 when this instance holds the relay lease", s -> s.activeRelay() ? 1 : 0);
        gauge(registry, "ometria.relay.failed.rounds", "Relay rounds that failed in a row", s -> s.relayFailedRounds());
        gauge(registry, "ometria.auth.failed", "1 when Ometria refused the API key", s -> s.authFailureStatus() == 0 ? 0 : 1);
        counter(registry, "ometria.records.sent", "Records Ometria acknowledged", s -> s.sentRecords());
        counter(registry, "ometria.records.rejected", "Records refused locally or by Ometria", s -> s.rejectedRecords());
        counter(registry, "ometria.records.dead", "Records given up after the retry budget", s -> s.deadLetteredRecords());
        counter(registry, "ometria.capture.failures", "Unexpected errors while recording changes", s -> s.captureFailures());
        gauge(registry, "ometria.changes.waiting", "Changed entities direct mode has not yet read and handed to the pipeline",
                s -> s.waitingChanges());
        counter(registry, "ometria.changes.dropped", "Committed changes direct mode dropped because its queue was full",
                s -> s.droppedChanges());
        counter(registry, "ometria.changes.unreadable", "Committed changes direct mode gave up because their entity could"
                + " not be read or serialized after retries", s -> s.unreadableChanges());
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<OmetriaSyncStatus> value) {
        Gauge.builder(name, this, m -> value.applyAsDouble(m.status())).description(description).register(registry);
    }

    private void counter(MeterRegistry registry, String name, String description, ToDoubleFunction<OmetriaSyncStatus> value) {
        FunctionCounter.builder(name, this, m -> value.applyAsDouble(m.status())).description(description).register(registry);
    }

    /** The status, read at most once a second; the last one when the database cannot be read. */
    synchronized OmetriaSyncStatus status() {
        long now = System.nanoTime();
        if (cached == null || now - cachedAt > CACHE_NANOS) {
            try {
                cached = sync.status();
                cachedAt = now;
            } catch (RuntimeException e) {
                LOG.debug("ometria-sync status unavailable for metrics: {}", e.toString());
                if (cached == null) {
                    cached = new OmetriaSyncStatus(true, sync.mode(), 0, 0, null, null, null, false, false, false, 0, e.toString(),
                            0, null, 0, 0, 0, 0, 0, 0, 0);
                }
            }
        }
        return cached;
    }
}
