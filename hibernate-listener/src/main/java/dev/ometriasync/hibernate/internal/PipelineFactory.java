package dev.ometriasync.hibernate.internal;

import dev.ometriasync.hibernate.OmetriaSettings;
import dev.ometriasync.runtime.InvalidFieldPolicy;
import dev.ometriasync.runtime.OmetriaListener;
import dev.ometriasync.runtime.OmetriaPipeline;
import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.Outcome;
import dev.ometriasync.runtime.Priority;
import dev.ometriasync.runtime.PushErrorReport;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Builds the runtime's push pipeline from the settings; the one place that knows how it is assembled. */
final class PipelineFactory {

    private PipelineFactory() {
    }

    static RecordPipeline create(OmetriaConfig config) {
        return create(config, Map.of());
    }

    /**
     * Builds the pipeline.
     *
     * @param config the validated settings
     * @param settings the raw Hibernate properties, for the object-valued {@link OmetriaSettings#METER_REGISTRY}
     *     and {@link OmetriaSettings#LISTENER}
     * @return the pipeline
     */
    static RecordPipeline create(OmetriaConfig config, Map<String, Object> settings) {
        Object listenerSetting = settings.get(OmetriaSettings.LISTENER.key());
        if (listenerSetting != null && !(listenerSetting instanceof OmetriaListener)) {
            throw new IllegalArgumentException(OmetriaSettings.LISTENER.key() + " must be an OmetriaListener instance, was "
                    + listenerSetting.getClass().getName());
        }
        SendStatus status = new SendStatus((OmetriaListener) listenerSetting);
        OmetriaPipeline.Builder builder = OmetriaPipeline.builder()
                .name("hibernate")
                .apiKey(config.apiKey())
                .endpoint(URI.create(config.endpoint()))
                .requestsPerSecond(config.requestsPerSecond())
                .maxBatchSize(config.maxBatchSize())
                .retryMaxDuration(config.retryMaxDuration())
                .retryInitialDelay(config.retryInitialDelay())
                .retryMaxDelay(config.retryMaxDelay())
                .maxQueuedRecords(config.maxQueuedRecords())
                .maxQueuedBytes(config.maxQueuedBytes())
                .enqueueTimeout(config.enqueueTimeout())
                .shutdownTimeout(config.shutdownTimeout())
                .requestTimeout(config.requestTimeout())
                .invalidFieldPolicy(InvalidFieldPolicy.fromExternalName(config.invalidFieldPolicy()))
                .pushErrorsPollInterval(config.pushErrorsPollInterval())
                .listener(status);
        Object registry = settings.get(OmetriaSettings.METER_REGISTRY.key());
        if (registry != null) {
            // a separate class, so that Micrometer is loaded only when a registry was passed
            MeterRegistrySetting.apply(builder, registry);
        }
        return new Adapter(builder.build(), status);
    }

    /** The runtime pipeline behind the integration's small interface. */
    private record Adapter(OmetriaPipeline pipeline, SendStatus status) implements RecordPipeline {

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
        public SendStatus sendStatus() {
            return status;
        }

        @Override
        public List<PushErrorReport> pushErrors() {
            return pipeline.pushErrors();
        }

        @Override
        public void close() {
            pipeline.close();
        }
    }
}
