package dev.ometriasync.runtime.internal.pipeline;

import java.time.Instant;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The pipeline's meters, behind an interface free of Micrometer types so the runtime loads and runs without
 * Micrometer on the class path ({@link MicrometerPipelineMetrics} is only loaded when a registry is given).
 */
public interface PipelineMetrics {

    /** Meters nothing. */
    PipelineMetrics NONE = new PipelineMetrics() {
    };

    /**
     * Registers the gauges.
     *
     * @param queueDepth records held, in flight included
     * @param oldestHeldSince when the longest-held record (in flight included) was queued, or null
     * @param now the pipeline's clock
     */
    default void bindGauges(IntSupplier queueDepth, Supplier<Instant> oldestHeldSince, Supplier<Instant> now) {
    }

    /**
     * A request ended.
     *
     * @param result {@code accepted}, {@code rate_limited}, {@code retryable}, {@code bad_request} or
     *     {@code unauthorized}
     */
    default void requestCompleted(String result) {
    }

    /** Ometria answered 429. */
    default void rateLimited() {
    }

    /**
     * Records were dead-lettered.
     *
     * @param records how many
     */
    default void deadLettered(int records) {
    }

    /**
     * Records were rejected (locally or by Ometria).
     *
     * @param records how many
     */
    default void rejected(int records) {
    }

    /**
     * Ometria listed a new validation error at {@code GET /v2/push/_errors}.
     *
     * @param recordType the record type it belongs to ({@code contact}, ...), or {@code unknown}
     */
    default void pushErrorListed(String recordType) {
    }

    /**
     * The pipeline read {@code GET /v2/push/_errors}.
     *
     * @param result {@code ok} or {@code failed}
     */
    default void pushErrorsRead(String result) {
    }

    /** Removes the pipeline's meters from the registry. */
    default void close() {
    }
}
