package dev.ometriasync.hibernate.internal;

import dev.ometriasync.runtime.OmetriaClient;

/** Builds the push pipeline from the settings; the one place that knows how the runtime's pipeline is assembled. */
final class PipelineFactory {

    private PipelineFactory() {
    }

    static RecordPipeline create(OmetriaConfig config) {
        OmetriaClient client = OmetriaClient.builder().apiKey(config.apiKey()).endpoint(config.endpoint()).build();
        return new ClientPipeline(client, config.requestsPerSecond(), config.maxBatchSize(), config.retryMaxDuration());
    }
}
