package dev.ometriasync.runtime.internal.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Micrometer meters of one pipeline, tagged {@code pipeline=<name>}:
 * <ul>
 *   <li>{@code ometria.pipeline.queue.depth} (gauge): records held, in flight included;</li>
 *   <li>{@code ometria.pipeline.queue.oldest.age} (time gauge): how long the longest-held record (in flight
 *       included) has been held;</li>
 *   <li>{@code ometria.pipeline.requests} (counter, tag {@code result}): push requests by result;</li>
 *   <li>{@code ometria.pipeline.rate.limited} (counter): 429 answers;</li>
 *   <li>{@code ometria.pipeline.dead.letters} (counter): dead-lettered records;</li>
 *   <li>{@code ometria.pipeline.rejected} (counter): rejected records;</li>
 *   <li>{@code ometria.pipeline.push.errors} (counter, tag {@code type}: the record type, or {@code unknown} when the
 *       entry cannot be tied to one type): validation errors Ometria listed at {@code GET /v2/push/_errors}, while the
 *       pipeline polls it;</li>
 *   <li>{@code ometria.pipeline.push.errors.reads} (counter, tag {@code result}: {@code ok} or {@code failed}): reads of
 *       that list.</li>
 * </ul>
 * Only referenced from {@code OmetriaPipeline} when a registry was configured, so the class (and
 * Micrometer) is never loaded otherwise.
 */
public final class MicrometerPipelineMetrics implements PipelineMetrics {

    private final MeterRegistry registry;
    private final Tags tags;
    private final List<Meter> meters = new ArrayList<>();
    private final Counter rateLimited;
    private final Counter deadLetters;
    private final Counter rejected;
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final Map<String, Counter> pushErrors = new ConcurrentHashMap<>();
    private final Map<String, Counter> pushErrorReads = new ConcurrentHashMap<>();

    /**
     * Creates the meters.
     *
     * @param registry a {@code io.micrometer.core.instrument.MeterRegistry}, typed {@code Object} so callers
     *     need not load Micrometer classes
     * @param pipelineName the value of the {@code pipeline} tag
     */
    public MicrometerPipelineMetrics(Object registry, String pipelineName) {
        this.registry = (MeterRegistry) registry;
        this.tags = Tags.of("pipeline", pipelineName);
        this.rateLimited = register(Counter.builder("ometria.pipeline.rate.limited")
                .description("429 answers from Ometria").tags(tags).register(this.registry));
        this.deadLetters = register(Counter.builder("ometria.pipeline.dead.letters")
                .description("Records given up after the retry budget").tags(tags).register(this.registry));
        this.rejected = register(Counter.builder("ometria.pipeline.rejected")
                .description("Records refused locally or by Ometria").tags(tags).register(this.registry));
    }

    private <M extends Meter> M register(M meter) {
        synchronized (meters) {
            meters.add(meter);
        }
        return meter;
    }

    @Override
    public void bindGauges(IntSupplier queueDepth, Supplier<Instant> oldestHeldSince, Supplier<Instant> now) {
        // Strong references: by default a gauge holds its object weakly, and these lambdas have no other owner,
        // so the gauge would read NaN after the next garbage collection.
        register(Gauge.builder("ometria.pipeline.queue.depth", queueDepth, IntSupplier::getAsInt)
                .strongReference(true)
                .description("Records held by the pipeline, in flight included").tags(tags).register(registry));
        register(TimeGauge.builder("ometria.pipeline.queue.oldest.age", () -> {
            Instant oldest = oldestHeldSince.get();
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest, now.get()).toMillis());
        }, TimeUnit.MILLISECONDS).strongReference(true).description("How long the longest-held record, in flight included, has been held")
                .tags(tags).register(registry));
    }

    @Override
    public void requestCompleted(String result) {
        requests.computeIfAbsent(result, r -> register(Counter.builder("ometria.pipeline.requests")
                .description("Push requests by result").tags(tags).tag("result", r).register(registry)))
                .increment();
    }

    @Override
    public void pushErrorListed(String recordType) {
        pushErrors.computeIfAbsent(recordType, t -> register(Counter.builder("ometria.pipeline.push.errors")
                .description("Validation errors Ometria listed at GET /v2/push/_errors, by record type").tags(tags)
                .tag("type", t).register(registry)))
                .increment();
    }

    @Override
    public void pushErrorsRead(String result) {
        pushErrorReads.computeIfAbsent(result, r -> register(Counter.builder("ometria.pipeline.push.errors.reads")
                .description("Reads of GET /v2/push/_errors by result").tags(tags).tag("result", r).register(registry)))
                .increment();
    }

    @Override
    public void rateLimited() {
        rateLimited.increment();
    }

    @Override
    public void deadLettered(int records) {
        deadLetters.increment(records);
    }

    @Override
    public void rejected(int records) {
        rejected.increment(records);
    }

    @Override
    public void close() {
        synchronized (meters) {
            for (Meter meter : meters) {
                registry.remove(meter);
            }
            meters.clear();
        }
    }
}
