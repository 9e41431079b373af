package dev.ometriasync.hibernate.internal;

import java.util.Map;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.engine.jdbc.mutation.internal.MutationExecutorServiceInitiator;
import org.hibernate.engine.jdbc.mutation.spi.MutationExecutorService;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;

/**
 * Puts the {@link StatelessWriteTracker} in front of Hibernate's mutation executor service (found through
 * {@code META-INF/services/org.hibernate.service.spi.ServiceContributor}; a contributor's initiator replaces the
 * standard one for its service). The service itself stays Hibernate's: its standard initiator builds it, and the
 * tracker only forwards to it.
 *
 * <p>A custom service named by {@code hibernate.jdbc.mutation.executor} is left alone (it may depend on lifecycle
 * callbacks a decorator would hide); the integration then warns at start-up that stateless writes cannot join their
 * transaction (see {@link #isActive}).
 */
public final class StatelessWriteTracking implements ServiceContributor {

    /** Hibernate's setting that names a custom mutation executor service. */
    static final String CUSTOM_EXECUTOR = MutationExecutorServiceInitiator.EXECUTOR_KEY;

    @Override
    public void contribute(StandardServiceRegistryBuilder builder) {
        if (builder.getSettings().get(CUSTOM_EXECUTOR) == null) {
            builder.addInitiator(new Initiator());
        }
    }

    /**
     * Whether the tracker serves a SessionFactory.
     *
     * @param service the factory's mutation executor service
     * @return true when stateless writes on that factory can be tied to their session
     */
    static boolean isActive(MutationExecutorService service) {
        return service instanceof StatelessWriteTracker;
    }

    /** Builds Hibernate's standard service, wrapped. */
    private static final class Initiator implements StandardServiceInitiator<MutationExecutorService> {
        @Override
        public Class<MutationExecutorService> getServiceInitiated() {
            return MutationExecutorService.class;
        }

        @Override
        public MutationExecutorService initiateService(Map<String, Object> configurationValues, ServiceRegistryImplementor registry) {
            MutationExecutorService standard = MutationExecutorServiceInitiator.INSTANCE.initiateService(configurationValues, registry);
            return standard == null ? null : new StatelessWriteTracker(standard);
        }
    }
}
