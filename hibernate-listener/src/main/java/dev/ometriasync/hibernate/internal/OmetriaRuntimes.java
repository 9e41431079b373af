package dev.ometriasync.hibernate.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/** The running integrations, by SessionFactory, for {@code OmetriaSync.of(…)}. */
public final class OmetriaRuntimes {

    private static final Map<SessionFactoryImplementor, OmetriaSyncRuntime> RUNNING = new ConcurrentHashMap<>();

    private OmetriaRuntimes() {
    }

    static void register(SessionFactoryImplementor factory, OmetriaSyncRuntime runtime) {
        RUNNING.put(factory, runtime);
    }

    static void unregister(SessionFactoryImplementor factory) {
        RUNNING.remove(factory);
    }

    /**
     * The integration running on a SessionFactory.
     *
     * @param factory the SessionFactory
     * @return the runtime, or null when the integration does not run there
     */
    public static OmetriaSyncRuntime of(SessionFactoryImplementor factory) {
        return RUNNING.get(factory);
    }
}
