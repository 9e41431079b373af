package dev.ometriasync.hibernate.internal;

import dev.ometriasync.runtime.InvalidFieldPolicy;
import dev.ometriasync.runtime.OmetriaPipeline;
import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.Outcome;
import dev.ometriasync.runtime.Priority;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** Builds the runtime's push pipeline from the settings; the one place that knows how it is assembled. */
final class PipelineFactory {

    private PipelineFactory() {
    }

    static RecordPipeline create(OmetriaConfig config) {
        OmetriaPipeline pipeline = OmetriaPipeline.builder()
                .name("hibernate")
                .apiKey(config.apiKey())
                .endpoint(URI.create(config.endpoint()))
                .requestsPerSecond(config.requestsPerSecond())
                .maxBatchSize(config.maxBatchSize())
                .retryMaxDuration(config.retryMaxDuration())
                .shutdownTimeout(config.shutdownTimeout())
                .requestTimeout(config.requestTimeout())
                .invalidFieldPolicy("reject".equals(config.invalidFieldPolicy())
                        ? InvalidFieldPolicy.REJECT_RECORD : InvalidFieldPolicy.DROP_FIELD)
                .build();
        return new Adapter(pipeline);
    }

    /** The runtime pipeline behind the integration's small interface. */
    private record Adapter(OmetriaPipeline pipeline) implements RecordPipeline {

        @Override
        public CompletionStage<Outcome> submit(OmetriaRecord record, Priority priority) {
            return pipeline.submit(record, priority);
        }

        @Override
        public String stoppedReason() {
            return pipeline.stoppedReason().orElse(null);
        }

        @Override
        public Duration requestTimeout() {
            return pipeline.settings().requestTimeout();
        }

        @Override
        public boolean flush(Duration timeout) {
            try {
                return pipeline.flush(timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void close() {
            pipeline.close();
        }
    }
}
