package dev.ometriasync.runtime.internal.pipeline;

/** What tests that drive a manual clock ask of an engine, and production code never does. */
public final class PipelineProbe {

    private PipelineProbe() {
    }

    /**
     * Whether the engine waits for nothing but its clock (see {@code PipelineEngine.quiescent()}).
     *
     * @param engine the engine
     * @return true when no request is in flight and no work is queued for its thread
     */
    public static boolean quiescent(PipelineEngine engine) {
        return engine.quiescent();
    }
}
