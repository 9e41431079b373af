package dev.ometriasync.hibernate.internal;

import dev.ometriasync.hibernate.OmetriaSettings;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.SessionFactoryObserver;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.jdbc.mutation.spi.MutationExecutorService;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the integration with each SessionFactory whose settings enable it (found through
 * {@code META-INF/services/org.hibernate.integrator.spi.Integrator}): checks the running Hibernate ORM version,
 * validates the settings and the mapping, registers the change-capture listeners, and ties the runtime's
 * lifecycle to the factory's.
 *
 * <p>On a Hibernate ORM version the integration cannot run on, the factory build fails with one message when
 * {@code ometria.enabled=true} was set explicitly; otherwise the integration switches itself off with a WARN
 * line and the application runs without it. Either way this happens here, at start-up, never in a transaction.
 */
public final class OmetriaIntegrator implements Integrator {

    private static final Logger LOG = LoggerFactory.getLogger(OmetriaIntegrator.class);

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        // the JPA view of the settings: the one accessor that every Hibernate ORM version has, so that even an
        // unsupported version gets as far as the version check below
        Map<String, Object> settings = sessionFactory.getProperties();
        // before the enabled check: a misspelt ometria.api-kye is exactly what leaves the integration off
        for (String unknown : OmetriaConfig.unknownKeys(settings)) {
            LOG.warn(unknown);
        }
        for (String deprecated : OmetriaConfig.deprecatedKeys(settings)) {
            LOG.warn(deprecated);
        }
        if (!OmetriaConfig.isEnabled(settings)) {
            LOG.debug("ometria-sync is not enabled on this SessionFactory (no ometria.api-key)");
            return;
        }
        HibernateLine hibernate = hibernateLine(settings);
        if (hibernate == null) {
            return;
        }
        try {
            start(metadata, sessionFactory, hibernate);
        } catch (LinkageError e) {
            // a Hibernate API that this version lacks: refuse here, at start-up, rather than in a transaction
            refuse(settings, new UnsupportedHibernateException(hibernate.version(), "a Hibernate API it needs is missing (" + e
                    + ")"));
        }
    }

    private void start(Metadata metadata, SessionFactoryImplementor sessionFactory, HibernateLine hibernate) {
        Map<String, Object> settings = sessionFactory.getServiceRegistry().requireService(ConfigurationService.class).getSettings();
        OmetriaConfig config = OmetriaConfig.read(settings);
        EntityCatalog catalog = EntityCatalog.build(metadata, config);
        if (catalog.isEmpty()) {
            LOG.warn("ometria-sync is enabled but no entity is annotated with @OmetriaContact, @OmetriaOrder, @OmetriaProduct"
                    + " or @OmetriaCustomEvent: nothing will be sent");
            return;
        }
        if (config.mode() == dev.ometriasync.hibernate.SyncMode.OUTBOX && OutboxTablesCheck.schemaIsValidated(settings)) {
            Object schema = settings.get("hibernate.default_schema");
            OutboxTablesCheck.verify(sessionFactory, schema == null ? null : schema.toString());
        }
        RecordPipeline pipeline = PipelineFactory.create(config, settings);
        OmetriaSyncRuntime runtime;
        try {
            runtime = new OmetriaSyncRuntime(sessionFactory, config, catalog, pipeline);
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
        ChangeCaptureListener listener = new ChangeCaptureListener(catalog, runtime, sessionFactory, hibernate,
                runtime.captureGuard());
        EventListenerRegistry listeners = sessionFactory.getEventEngine().getListenerRegistry();
        listeners.appendListeners(EventType.POST_INSERT, listener);
        listeners.appendListeners(EventType.POST_UPDATE, listener);
        listeners.appendListeners(EventType.POST_DELETE, listener);
        listeners.appendListeners(EventType.POST_UPSERT, listener);
        listeners.appendListeners(EventType.POST_COLLECTION_RECREATE, listener);
        listeners.appendListeners(EventType.POST_COLLECTION_UPDATE, listener);
        listeners.appendListeners(EventType.POST_COLLECTION_REMOVE, listener);
        sessionFactory.addObserver(new Lifecycle(runtime, hibernate));
        if (!StatelessWriteTracking.isActive(sessionFactory.getServiceRegistry().getService(MutationExecutorService.class))) {
            LOG.warn("ometria-sync cannot tie StatelessSession changes to their transaction on this SessionFactory: {} is set"
                    + " (or the service registry was built without Hibernate's service contributors), so ometria-sync cannot"
                    + " see which stateless session wrote a row. Such a change is read back as soon as it is written: an"
                    + " update in a stateless transaction still open then may be missed, and a rolled-back stateless insert"
                    + " still produces an outbox row. Call OmetriaSync.touch(entityClass, ids...) after such transactions commit.",
                    StatelessWriteTracking.CUSTOM_EXECUTOR);
        }
    }

    /**
     * Checks the running Hibernate ORM: the line, or null when the integration must switch itself off.
     *
     * @throws UnsupportedHibernateException when the version is unsupported and ometria.enabled=true was set
     */
    static HibernateLine hibernateLine(Map<String, Object> settings) {
        try {
            HibernateLine line = HibernateLine.running();
            if (!line.isTested()) {
                LOG.warn("ometria-sync has not been tested with Hibernate ORM {}; it supports {}. It starts because the"
                        + " Hibernate API it needs is present: check your Ometria data after upgrades.", line.version(),
                        HibernateLine.SUPPORTED);
            }
            return line;
        } catch (UnsupportedHibernateException e) {
            refuse(settings, e);
            return null;
        }
    }

    /** Fails the start when the integration was explicitly enabled, otherwise switches it off with a WARN line. */
    private static void refuse(Map<String, Object> settings, UnsupportedHibernateException e) {
        if (OmetriaConfig.isExplicitlyEnabled(settings)) {
            throw e;
        }
        LOG.warn("{} ometria-sync is switched OFF for this SessionFactory: nothing will be sent to Ometria"
                + " (set {}=true to make this an error instead).", e.getMessage(), OmetriaSettings.ENABLED.key());
    }

    /** Nothing to undo: the runtime is closed by the factory observer, before the services go away. */
    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        // Abstract in Hibernate 6.6, a default method from 7.0: implemented so that one class serves both.
    }

    /** Starts the runtime once the factory is built (after schema management), and stops it when the factory closes. */
    private static final class Lifecycle implements SessionFactoryObserver {
        private static final long serialVersionUID = 1L;
        private final transient OmetriaSyncRuntime runtime;
        private final transient HibernateLine hibernate;
        private transient boolean started;

        Lifecycle(OmetriaSyncRuntime runtime, HibernateLine hibernate) {
            this.runtime = runtime;
            this.hibernate = hibernate;
        }

        @Override
        public void sessionFactoryCreated(SessionFactory factory) {
            StartupChecks.verify(runtime);
            runtime.start();
            started = true;
            OmetriaRuntimes.register(runtime.sessionFactory(), runtime);
            LOG.info("{} (on {})", StartupChecks.describe(runtime), hibernate);
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
