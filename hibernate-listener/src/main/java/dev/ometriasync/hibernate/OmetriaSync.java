package dev.ometriasync.hibernate;

import dev.ometriasync.hibernate.internal.OmetriaRuntimes;
import dev.ometriasync.hibernate.internal.OmetriaSyncRuntime;
import dev.ometriasync.runtime.PushErrorReport;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handle on the integration running with a SessionFactory. Most applications never need it: changes
 * made through Hibernate sessions are captured automatically. It is for writes Hibernate cannot see —
 * JPQL/HQL bulk updates and deletes, native SQL, other applications — after which {@link #touch(Class,
 * Object...)} sends the current state of the named entities.
 *
 * <pre>{@code
 * OmetriaSync ometria = OmetriaSync.of(entityManagerFactory);
 * em.createQuery("update Customer c set c.tier = 'gold' where c.spent > 1000").executeUpdate();
 * ometria.touch(em, Customer.class, goldIds);          // joins the transaction: sent only if it commits
 * }</pre>
 */
public final class OmetriaSync {

    private static final Logger LOG = LoggerFactory.getLogger(OmetriaSync.class);

    /** Null when the integration does not run: then every method is a documented no-op. */
    private final OmetriaSyncRuntime runtime;

    private OmetriaSync(OmetriaSyncRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * The integration of a factory, or a handle that does nothing when the integration does not run there
     * ({@code ometria.enabled=false}, no API key, no annotated entity). Use it where the same code runs with and
     * without ometria-sync (local runs, tests, a feature switch): on the disabled handle {@link #touch} does
     * nothing but log at DEBUG, counts are 0, {@link #deadLetters()} is empty and {@link #flush} returns true.
     * It never throws into the caller's transaction. The Spring Boot starter's {@code OmetriaSync} bean is this.
     *
     * @param factory a Hibernate {@code SessionFactory} or a JPA {@code EntityManagerFactory} backed by Hibernate
     * @return the handle, enabled or not (see {@link #isEnabled()})
     */
    public static OmetriaSync ofOrDisabled(EntityManagerFactory factory) {
        Objects.requireNonNull(factory, "factory");
        return new OmetriaSync(OmetriaRuntimes.of(factory.unwrap(SessionFactoryImplementor.class)));
    }

    /**
     * Whether the integration runs (false for the handle {@link #ofOrDisabled} returns when it does not).
     *
     * @return true when changes are captured and sent
     */
    public boolean isEnabled() {
        return runtime != null;
    }

    /**
     * The dead outbox rows: list, replay, purge.
     *
     * @return the dead letters (empty without an outbox)
     */
    public DeadLetters deadLetters() {
        return new DeadLetters(runtime);
    }

    /**
     * The validation errors Ometria listed lately at {@code GET /v2/push/_errors} (records it acknowledged and found
     * invalid later, which are then not stored at Ometria), each tied to its record type and id where that can be
     * told: see {@link PushErrorReport} for how, and for what cannot be told. Only filled while
     * {@link OmetriaSettings#PUSH_ERRORS_POLL_INTERVAL} is set (off by default); each entry is also reported to the
     * listener ({@code pushErrorListed}), the meter {@code ometria.pipeline.push.errors} and the log (WARN). Kept in
     * memory only: a restart starts empty, and entries listed before it are not reported again.
     *
     * @return at most 100 reports, newest first; empty when the integration or the poller does not run
     */
    public List<PushErrorReport> pushErrors() {
        return runtime == null ? List.of() : runtime.pipeline().pushErrors();
    }

    /**
     * A snapshot for health checks: outbox figures (one query), the relay's and the pipeline's state.
     *
     * @return the status; {@code enabled() == false} when the integration does not run
     * @throws jakarta.persistence.PersistenceException in outbox mode, when the outbox tables cannot be read (the
     *     database is down): the starter's health indicator reports that as DOWN with the cause, and its meters keep
     *     the last status they read
     */
    public OmetriaSyncStatus status() {
        return runtime == null ? OmetriaSyncStatus.DISABLED : runtime.status();
    }

    /**
     * The integration of a SessionFactory or EntityManagerFactory.
     *
     * @param factory a Hibernate {@code SessionFactory} or a JPA {@code EntityManagerFactory} backed by Hibernate
     * @return the handle
     * @throws IllegalStateException when the integration does not run on this factory (no {@code ometria.api-key})
     */
    public static OmetriaSync of(EntityManagerFactory factory) {
        Objects.requireNonNull(factory, "factory");
        OmetriaSyncRuntime runtime = OmetriaRuntimes.of(factory.unwrap(SessionFactoryImplementor.class));
        if (runtime == null) {
            throw new IllegalStateException("ometria-sync does not run on this SessionFactory: set " + OmetriaSettings.API_KEY.key()
                    + " in its properties (or it is closed, or no entity carries an Ometria annotation)");
        }
        return new OmetriaSync(runtime);
    }

    /**
     * Sends the full current state of entities whose changes Hibernate did not see. In outbox mode the
     * request is stored in its own transaction (durable once this returns); in direct mode the entities
     * are noted, and read and queued by the direct-mode reader's thread right after. Call it after the transaction that changed them committed, or use
     * {@link #touch(EntityManager, Class, Object...)} to join that transaction.
     *
     * @param entityClass an entity class annotated with a record annotation
     * @param ids the entity ids (JPA {@code @Id} values)
     * @throws IllegalArgumentException when the class is not a captured entity or an id is null
     */
    public void touch(Class<?> entityClass, Object... ids) {
        if (runtime == null) {
            LOG.debug("ometria-sync is off: touch({}, {} id(s)) does nothing", entityClass, ids.length);
            return;
        }
        runtime.touch(entityName(entityClass), List.of(ids));
    }

    /**
     * Like {@link #touch(Class, Object...)}, but as part of the transaction of the given session or entity
     * manager: nothing is sent if it rolls back, and in outbox mode the request commits atomically with it.
     *
     * @param entityManager a Hibernate {@code Session} or JPA {@code EntityManager} with an active transaction
     * @param entityClass an entity class annotated with a record annotation
     * @param ids the entity ids
     * @throws IllegalStateException when no transaction is active
     */
    public void touch(EntityManager entityManager, Class<?> entityClass, Object... ids) {
        if (runtime == null) {
            LOG.debug("ometria-sync is off: touch({}, {} id(s)) does nothing", entityClass, ids.length);
            return;
        }
        runtime.touch(entityManager.unwrap(SharedSessionContractImplementor.class), entityName(entityClass), Arrays.asList(ids));
    }

    /**
     * The mode the integration runs in.
     *
     * @return outbox or direct; null when the integration does not run
     */
    public SyncMode mode() {
        return runtime == null ? null : runtime.mode();
    }

    /**
     * Outbox rows still to be sent (outbox mode): a health-check figure.
     *
     * @return the number of pending rows (0 when the integration does not run)
     * @throws IllegalStateException in direct mode
     */
    public long pendingOutboxRows() {
        if (runtime == null) {
            return 0;
        }
        return runtime.outboxRows("PENDING");
    }

    /**
     * Outbox rows that can never be sent as they are (rejected by Ometria, or retried until the budget ran
     * out); kept with the reason in {@code last_error} for inspection and replay.
     *
     * @return the number of dead rows
     * @throws IllegalStateException in direct mode
     */
    public long deadOutboxRows() {
        if (runtime == null) {
            return 0;
        }
        return runtime.outboxRows("DEAD");
    }

    /**
     * Whether this instance is the active outbox sender (holds the relay lease).
     *
     * @return true when this instance sends
     */
    public boolean isActiveRelay() {
        return runtime != null && runtime.holdsRelayLease();
    }

    /**
     * Waits until the records queued in this instance's pipeline were sent or gave up.
     *
     * @param timeout how long to wait at most
     * @return true when the queue drained in time
     */
    public boolean flush(Duration timeout) {
        return runtime == null || runtime.flushPipeline(timeout);
    }

    /**
     * Unexpected errors of ometria-sync while recording changes, since start (see
     * {@link OmetriaSettings#CAPTURE_FAILURE}): each one is also logged at ERROR. Anything above zero deserves
     * an alert.
     *
     * @return the number of capture failures
     */
    public long captureFailures() {
        return runtime == null ? 0 : runtime.captureFailures();
    }

    /**
     * Committed changes that direct mode dropped without sending because {@link OmetriaSettings#DIRECT_MAX_PENDING}
     * changed entities already waited to be read, since start. The committing thread never waits for the pipeline;
     * this count (and one warning a minute at most) is how a full queue shows. Always 0 in outbox mode. Anything
     * above zero means Ometria misses changes until the entities change again, are touched, or a backfill runs.
     *
     * @return the number of dropped changes (0 when the integration does not run)
     */
    public long droppedChanges() {
        return runtime == null ? 0 : runtime.droppedChanges();
    }

    /**
     * Committed changes that direct mode gave up because their entity's committed state could not be read or
     * serialized (a converter refusing a stored value, say), even after five reads in a row
     * with backoff, since start. Each is logged once at ERROR with the entity's type and id. Failures of the
     * database connection are retried without limit and never counted here. Always 0 in outbox mode, where such
     * rows become dead rows ({@link #deadOutboxRows()}). Anything above zero means Ometria misses changes until the
     * entities change again, are touched, or a backfill runs.
     *
     * @return the number of changes given up (0 when the integration does not run)
     */
    public long unreadableChanges() {
        return runtime == null ? 0 : runtime.unreadableChanges();
    }

    private String entityName(Class<?> entityClass) {
        Objects.requireNonNull(entityClass, "entityClass");
        return runtime.sessionFactory().getMappingMetamodel().getEntityDescriptor(entityClass).getEntityName();
    }
}
