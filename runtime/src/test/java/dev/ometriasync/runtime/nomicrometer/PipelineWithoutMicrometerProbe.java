package dev.ometriasync.runtime.nomicrometer;

import dev.ometriasync.runtime.OmetriaPipeline;
import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.Outcome;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Uses the pipeline as an application without Micrometer would. Loaded by {@link WithoutMicrometerTest}
 * through a class loader that cannot see Micrometer.
 */
public final class PipelineWithoutMicrometerProbe implements BiFunction<String, String, String> {

    @Override
    public String apply(String endpoint, String apiKey) {
        try (OmetriaPipeline pipeline = OmetriaPipeline.builder().apiKey(apiKey).endpoint(URI.create(endpoint)).build()) {
            Outcome outcome = pipeline.submit(OmetriaRecord.parse("{\"@type\":\"product\",\"id\":\"P-1\",\"title\":\"Mug\"}", true))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            return outcome.status().name();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
