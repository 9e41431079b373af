package dev.ometriasync.hibernate.internal;

import org.hibernate.engine.spi.SessionFactoryImplementor;

/** Chooses the sink for the configured mode: the one place where the mode decides anything at run time. */
final class ChangeSinks {

    private ChangeSinks() {
    }

    static ChangeSink create(SessionFactoryImplementor factory, OmetriaConfig config, EntityCatalog catalog,
            RecordAssembler assembler, RecordPipeline pipeline) {
        return switch (config.mode()) {
            case OUTBOX -> new OutboxSink(factory, config, catalog, assembler, pipeline);
            case DIRECT -> new DirectSink(factory, config, catalog, assembler, pipeline);
        };
    }
}
