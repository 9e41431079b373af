package dev.ometriasync.hibernate.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.Version;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.AbstractEvent;
import org.hibernate.persister.entity.EntityPersister;

/**
 * The running Hibernate ORM line, and every Hibernate call whose signature differs between the supported
 * lines (6.6, 7.1, 7.2, 7.3, 7.4). Nothing else in this module calls an API that moved between them.
 *
 * <p>The line is read once, when the integration starts ({@link #running()}); the one call that must be
 * resolved dynamically (the session of an entity event, whose return type changed in 7.2) is bound to a
 * {@link MethodHandle} at that moment, so a missing or changed method fails the {@code SessionFactory} build
 * with a clear message instead of throwing {@link LinkageError}s into users' transactions, and no
 * reflection runs per event.
 *
 * <p>What differs, and how each difference is handled:
 * <ul>
 *   <li>{@code AbstractEvent.getSession()} returns {@code EventSource} up to 7.1 and
 *       {@code SharedSessionContractImplementor} from 7.2 (when stateless sessions started passing
 *       themselves to listeners): {@link #session(AbstractEvent)} goes through a handle adapted to the
 *       common supertype. Collection events kept {@code EventSource} on every line.</li>
 *   <li>Transaction-completion callbacks moved from {@code ActionQueue.registerProcess} (6.6, 7.1) to
 *       {@code registerCallback} (7.2+): this module registers a {@code jakarta.transaction.Synchronization}
 *       through {@code Transaction.registerSynchronization} instead, which every line has and which runs
 *       after the session's final flush (see {@link TransactionCallbacks}).</li>
 *   <li>{@code EntityPersister.getIdentifier(Object)} does not exist in 6.6: {@link #identifier} uses the
 *       two-argument form every line has.</li>
 *   <li>{@code EntityPersister.getJpaEntityName()} does not exist in 6.6: callers use the JPA metamodel.</li>
 *   <li>{@code Integrator.disintegrate} is abstract in 6.6: the integrator implements it.</li>
 *   <li>A {@code StatelessSession} write fires its entity events without a session before 7.2, and its collection
 *       events without one on every line: {@link #session} then takes the session from the
 *       {@link StatelessWriteTracker}, which sees every row write with its session through Hibernate's
 *       {@code MutationExecutorService} (unchanged from 6.6 to 7.4), so the change joins its transaction on every
 *       line.</li>
 * </ul>
 */
final class HibernateLine {

    /** The oldest supported line. */
    static final Release OLDEST = new Release(6, 6);
    /** The newest line this build was tested against. */
    static final Release NEWEST = new Release(7, 4);
    /** How the supported lines are named in messages and the README. */
    static final String SUPPORTED = "Hibernate ORM 6.6.x, 7.1.x, 7.2.x, 7.3.x and 7.4.x";

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*");

    private final String version;
    private final Release release;
    private final MethodHandle eventSession;

    private HibernateLine(String version, Release release, MethodHandle eventSession) {
        this.version = version;
        this.release = release;
        this.eventSession = eventSession;
    }

    /** A Hibernate ORM major.minor line. */
    record Release(int major, int minor) implements Comparable<Release> {
        @Override
        public int compareTo(Release other) {
            return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
        }

        @Override
        public String toString() {
            return major + "." + minor;
        }
    }

    /**
     * Checks the Hibernate ORM on the class path and binds the version-sensitive calls.
     *
     * @return the running line
     * @throws UnsupportedHibernateException when the running version is not supported or its API is not as expected
     */
    static HibernateLine running() {
        return of(Version.getVersionString(), AbstractEvent.class);
    }

    /**
     * Checks a Hibernate ORM version and binds the version-sensitive calls against the given event class.
     *
     * @param version the version string, as {@code org.hibernate.Version.getVersionString()} gives it
     * @param eventClass the event base class whose {@code getSession()} is bound
     * @return the line
     * @throws UnsupportedHibernateException when the version is not supported or the API is not as expected
     */
    static HibernateLine of(String version, Class<?> eventClass) {
        Release release = parse(version);
        if (release == null || release.compareTo(OLDEST) < 0 || release.major() > NEWEST.major()) {
            throw new UnsupportedHibernateException(version, "this version is not supported");
        }
        MethodHandle session;
        try {
            Class<?> returnType = eventClass.getMethod("getSession").getReturnType();
            if (!SharedSessionContractImplementor.class.isAssignableFrom(returnType)) {
                throw new UnsupportedHibernateException(version, "AbstractEvent.getSession() returns " + returnType.getName()
                        + ", not a session");
            }
            session = MethodHandles.publicLookup()
                    .findVirtual(eventClass, "getSession", MethodType.methodType(returnType))
                    .asType(MethodType.methodType(SharedSessionContractImplementor.class, AbstractEvent.class));
        } catch (NoSuchMethodException | IllegalAccessException | LinkageError | ClassCastException
                | IllegalArgumentException | UnsupportedOperationException e) {
            throw new UnsupportedHibernateException(version, "its event API is not the one this integration was built for ("
                    + e + ")");
        }
        return new HibernateLine(version, release, session);
    }

    private static Release parse(String version) {
        if (version == null) {
            return null;
        }
        Matcher matcher = VERSION.matcher(version.trim());
        return matcher.matches() ? new Release(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))) : null;
    }

    /** @return the version string, for example {@code 7.2.19.Final} */
    String version() {
        return version;
    }

    /** @return the major.minor line */
    Release release() {
        return release;
    }

    /**
     * Whether this line is one the build is tested against. Within the supported majors, an untested line
     * (7.0, or one newer than {@link #NEWEST}) runs when its API binds, with a warning at start-up.
     *
     * @return true for 6.6 and 7.1 to 7.4
     */
    boolean isTested() {
        return release.compareTo(NEWEST) <= 0 && !(release.major() == 7 && release.minor() == 0);
    }

    /**
     * Whether listeners of this line receive the stateless session of a {@code StatelessSession} write (7.2+);
     * before 7.2 they receive none, and {@link #session(AbstractEvent)} takes it from the {@link StatelessWriteTracker}.
     *
     * @return true from 7.2 on
     */
    boolean statelessEventsCarrySession() {
        return release.compareTo(new Release(7, 2)) >= 0;
    }

    /**
     * The session that fired an entity event.
     *
     * <p>A stateless write's event carries no session before 7.2; its session is then the stateless session that
     * wrote the row on this thread, as the {@link StatelessWriteTracker} saw it.
     *
     * @param event the event
     * @return the session, stateful or stateless, or null when neither the event nor the tracker knows it (the
     *         tracker is not installed)
     */
    SharedSessionContractImplementor session(AbstractEvent event) {
        SharedSessionContractImplementor session;
        try {
            session = (SharedSessionContractImplementor) eventSession.invokeExact(event);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("AbstractEvent.getSession() failed", e);
        }
        return session != null ? session : StatelessWriteTracker.lastStatelessWriter();
    }

    /**
     * The session that fired a collection event; its accessor kept its signature on every supported line. A stateless
     * session's collection events carry no session on any line: the {@link StatelessWriteTracker} gives it.
     *
     * @param event the event
     * @return the session, or null when neither the event nor the tracker knows it
     */
    SharedSessionContractImplementor session(AbstractCollectionEvent event) {
        SharedSessionContractImplementor session = event.getSession();
        return session != null ? session : StatelessWriteTracker.lastStatelessWriter();
    }

    /**
     * The identifier of an entity instance.
     *
     * @param persister the entity's persister
     * @param entity the instance
     * @param session the session it belongs to, or null
     * @return the identifier
     */
    Object identifier(EntityPersister persister, Object entity, SharedSessionContractImplementor session) {
        return persister.getIdentifier(entity, session);
    }

    @Override
    public String toString() {
        return "Hibernate ORM " + version;
    }
}
