package dev.ometriasync.runtime;

import dev.ometriasync.runtime.internal.pipeline.BatchSender;
import dev.ometriasync.runtime.internal.pipeline.PipelineEngine;
import dev.ometriasync.runtime.internal.pipeline.PipelineProbe;
import java.util.function.Function;

/**
 * Starts pipelines the way {@link OmetriaPipeline.Builder#build()} does, keeping hold of the engine so that tests
 * driving a manual clock can ask whether it is quiescent, and optionally with a scripted sender instead of HTTP.
 */
final class TestPipelines {

    private TestPipelines() {
    }

    /**
     * A started pipeline and its engine.
     *
     * @param pipeline the pipeline
     * @param engine its engine
     */
    record Started(OmetriaPipeline pipeline, PipelineEngine engine) {

        /** No request in flight and no work queued for the pipeline's thread. */
        boolean quiescent() {
            return PipelineProbe.quiescent(engine);
        }
    }

    /** Over HTTP, to the builder's endpoint. */
    static Started start(OmetriaPipeline.Builder builder) {
        return start(builder, settings -> builder.httpSender());
    }

    /** With the given sender in place of the HTTP client. */
    static Started start(OmetriaPipeline.Builder builder, Function<PipelineSettings, BatchSender> sender) {
        PipelineSettings settings = builder.settings();
        PipelineEngine engine = builder.engine(settings, sender.apply(settings));
        return new Started(new OmetriaPipeline(settings, engine), engine);
    }
}
