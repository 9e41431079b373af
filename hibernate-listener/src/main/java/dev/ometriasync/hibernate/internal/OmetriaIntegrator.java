package dev.ometriasync.hibernate.internal;

import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.SessionFactoryObserver;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the integration with each SessionFactory whose settings enable it (found through
 * {@code META-INF/services/org.hibernate.integrator.spi.Integrator}): validates the settings and the
 * mapping, registers the change-capture listeners, and ties the runtime's lifecycle to the factory's.
 */
public final class OmetriaIntegrator implements Integrator {

    private static final Logger LOG = LoggerFactory.getLogger(OmetriaIntegrator.class);

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        Map<String, Object> settings = sessionFactory.getServiceRegistry().requireService(ConfigurationService.class).getSettings();
        if (!OmetriaConfig.isEnabled(settings)) {
            LOG.debug("ometria-sync is not enabled on this SessionFactory (no ometria.api-key)");
            return;
        }
        OmetriaConfig config = OmetriaConfig.read(settings);
        EntityCatalog catalog = EntityCatalog.build(metadata, config);
        if (catalog.isEmpty()) {
            LOG.warn("ometria-sync is enabled but no entity is annotated with @OmetriaContact, @OmetriaOrder, @OmetriaProduct"
                    + " or @OmetriaCustomEvent: nothing will be sent");
            return;
        }
        RecordPipeline pipeline = PipelineFactory.create(config);
        OmetriaSyncRuntime runtime;
        try {
            runtime = new OmetriaSyncRuntime(sessionFactory, config, catalog, pipeline);
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
        ChangeCaptureListener listener = new ChangeCaptureListener(catalog, runtime, sessionFactory);
        EventListenerRegistry listeners = sessionFactory.getEventEngine().getListenerRegistry();
        listeners.appendListeners(EventType.POST_INSERT, listener);
        listeners.appendListeners(EventType.POST_UPDATE, listener);
        listeners.appendListeners(EventType.POST_DELETE, listener);
        listeners.appendListeners(EventType.POST_UPSERT, listener);
        listeners.appendListeners(EventType.POST_COLLECTION_RECREATE, listener);
        listeners.appendListeners(EventType.POST_COLLECTION_UPDATE, listener);
        listeners.appendListeners(EventType.POST_COLLECTION_REMOVE, listener);
        sessionFactory.addObserver(new Lifecycle(runtime));
    }

    /** Starts the runtime once the factory is built (after schema management), and stops it when the factory closes. */
    private static final class Lifecycle implements SessionFactoryObserver {
        private static final long serialVersionUID = 1L;
        private final transient OmetriaSyncRuntime runtime;
        private transient boolean started;

        Lifecycle(OmetriaSyncRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public void sessionFactoryCreated(SessionFactory factory) {
            StartupChecks.verify(runtime);
            runtime.start();
            started = true;
            OmetriaRuntimes.register(runtime.sessionFactory(), runtime);
            LOG.info(StartupChecks.describe(runtime));
        }

        @Override
        public void sessionFactoryClosing(SessionFactory factory) {
            OmetriaRuntimes.unregister(runtime.sessionFactory());
            if (started) {
                runtime.close();
            } else {
                runtime.pipeline().close();
            }
        }
    }
}
