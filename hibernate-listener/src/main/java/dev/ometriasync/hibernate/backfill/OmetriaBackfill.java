package dev.ometriasync.hibernate.backfill;

import dev.ometriasync.hibernate.internal.OmetriaRuntimes;
import dev.ometriasync.hibernate.internal.OmetriaSyncRuntime;
import dev.ometriasync.hibernate.internal.backfill.BackfillEngine;
import dev.ometriasync.hibernate.internal.backfill.BackfillOptions;
import dev.ometriasync.hibernate.internal.backfill.CheckpointDdl;
import dev.ometriasync.hibernate.internal.backfill.CheckpointStore;
import dev.ometriasync.hibernate.OmetriaSettings;
import dev.ometriasync.schema.RecordType;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * The historic import: sends every existing row of the mapped entity types to Ometria — products, then
 * contacts, then orders — as full records, in primary-key order and in chunks, through the pipeline of the
 * integration running on the SessionFactory (so it shares the account's rate budget, and live changes keep
 * priority). Progress is checkpointed in the table {@value #CHECKPOINT_TABLE}: a run that was killed or stopped
 * resumes after the last chunk whose records all had a final outcome.
 *
 * <pre>{@code
 * BackfillSummary summary = OmetriaBackfill.forSessionFactory(sessionFactory)
 *         .chunkSize(1_000)
 *         .progress(p -> log.info("{}/{} records, {}/s", p.done(), p.total(), (int) p.recordsPerSecond()))
 *         .run();
 * }</pre>
 *
 * <p>Not thread-safe: configure and run it on one thread. {@link #run()} blocks until the backfill finished or
 * stopped; interrupt the thread to stop it (it returns a summary saying so, and a new run resumes).
 */
public final class OmetriaBackfill {

    /** The checkpoint table: {@value}. */
    public static final String CHECKPOINT_TABLE = CheckpointStore.TABLE;
    /** The default {@link #name(String)}: {@value}. */
    public static final String DEFAULT_NAME = "default";
    /** The default {@link #chunkSize(int)}: {@value} rows (ten full requests). */
    public static final int DEFAULT_CHUNK_SIZE = 1000;
    /** The default {@link #maxChunksInFlight(int)}: {@value}, so a killed run sends at most one chunk again. */
    public static final int DEFAULT_MAX_CHUNKS_IN_FLIGHT = 1;
    /** How many undelivered records a {@link BackfillSummary} lists with their reasons; the rest are counted. */
    public static final int MAX_LISTED_REJECTIONS = 1000;

    private final SessionFactoryImplementor factory;
    private final OmetriaSyncRuntime runtime;
    private String name = DEFAULT_NAME;
    private Set<RecordType> types = EnumSet.of(RecordType.PRODUCT, RecordType.CONTACT, RecordType.ORDER);
    private final List<Class<?>> entities = new ArrayList<>();
    private Instant changedSince;
    private final Map<Class<?>, String> changedSinceAttributes = new LinkedHashMap<>();
    private ZoneId changedSinceZone = ZoneId.systemDefault();
    private int chunkSize = DEFAULT_CHUNK_SIZE;
    private int maxChunksInFlight = DEFAULT_MAX_CHUNKS_IN_FLIGHT;
    private boolean restart;
    private boolean createCheckpointTable;
    private BackfillProgressListener listener = progress -> { };
    /** Elapsed time and rate on the progress line, and the checkpoint's times. */
    private final Clock clock = Clock.systemUTC();

    private OmetriaBackfill(SessionFactoryImplementor factory, OmetriaSyncRuntime runtime) {
        this.factory = factory;
        this.runtime = runtime;
    }

    /**
     * Starts configuring a backfill of a SessionFactory on which the integration runs.
     *
     * @param factory a Hibernate {@code SessionFactory} or a JPA {@code EntityManagerFactory} backed by Hibernate,
     *     with {@code ometria.api-key} set
     * @return the backfill, with every option at its default
     * @throws IllegalStateException when the integration does not run on this factory
     */
    public static OmetriaBackfill forSessionFactory(EntityManagerFactory factory) {
        Objects.requireNonNull(factory, "factory");
        SessionFactoryImplementor implementor = factory.unwrap(SessionFactoryImplementor.class);
        OmetriaSyncRuntime runtime = OmetriaRuntimes.of(implementor);
        if (runtime == null) {
            throw new IllegalStateException("ometria-sync does not run on this SessionFactory, so there is no pipeline to backfill through: set "
                    + OmetriaSettings.API_KEY.key() + " in its properties (or it is closed, or no entity carries an Ometria annotation)");
        }
        return new OmetriaBackfill(implementor, runtime);
    }

    /**
     * The DDL of the checkpoint table for the factory's database: its statement in the shipped Flyway migration,
     * {@code db/ometria-sync/flyway/{vendor}/R__ometria_sync_tables.sql}.
     *
     * @param factory the SessionFactory
     * @return the statement
     * @throws IllegalStateException for a database other than PostgreSQL, H2 and MySQL/MariaDB (SQL Server and Oracle:
     *     see their migration)
     */
    public static String checkpointDdl(EntityManagerFactory factory) {
        var dialect = factory.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
        String vendor = CheckpointDdl.vendorFor(dialect);
        if (vendor == null) {
            throw new IllegalStateException("No checkpoint statement for " + dialect.getClass().getSimpleName()
                    + "; see the migration for your database, " + CheckpointDdl.locations());
        }
        return CheckpointDdl.statement(vendor) + ";";
    }

    /**
     * Names the backfill: its checkpoint is kept under this name, so separate imports (say, a full one and a
     * later one with {@link #changedSince(Instant)}) resume independently.
     *
     * @param name 1 to 64 characters; default {@value #DEFAULT_NAME}
     * @return this
     */
    public OmetriaBackfill name(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 64) {
            throw new IllegalArgumentException("a backfill name has 1 to 64 characters, not '" + name + "'");
        }
        this.name = name;
        return this;
    }

    /**
     * The Ometria record types to send; they are always sent in the order products, contacts, orders, custom
     * events. Custom events are not sent unless named here: they are an append-only history, and whether Ometria
     * de-duplicates a re-sent event id is not documented.
     *
     * @param types one or more types; default {@code PRODUCT, CONTACT, ORDER}
     * @return this
     */
    public OmetriaBackfill types(RecordType... types) {
        if (types.length == 0) {
            throw new IllegalArgumentException("name at least one record type");
        }
        this.types = EnumSet.copyOf(Arrays.asList(types));
        return this;
    }

    /**
     * Restricts the backfill to these entity classes (and their subclasses), within {@link #types(RecordType...)}.
     *
     * @param entityClasses entity classes with an Ometria record annotation, or superclasses of them
     * @return this
     */
    public OmetriaBackfill entities(Class<?>... entityClasses) {
        for (Class<?> type : entityClasses) {
            entities.add(Objects.requireNonNull(type, "entity class"));
        }
        return this;
    }

    /**
     * Sends only rows changed at or after this instant, as told by the attribute each type names with
     * {@link #changedSinceAttribute(Class, String)}; every selected type must name one.
     *
     * @param since the instant
     * @return this
     */
    public OmetriaBackfill changedSince(Instant since) {
        this.changedSince = Objects.requireNonNull(since, "since");
        return this;
    }

    /**
     * Names the attribute that holds the last-change time of an entity class (and of its subclasses), for
     * {@link #changedSince(Instant)}. Name it once on a common superclass ({@code @MappedSuperclass}) to cover
     * every entity that extends it. The attribute may be a path into an embeddable ({@code "audit.updatedAt"}).
     * It must be an {@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime}, {@code LocalDateTime},
     * {@code LocalDate} or {@code java.util.Date}; {@code LocalDateTime} and {@code LocalDate} values are read in
     * the {@link #changedSinceZone(ZoneId)}.
     *
     * @param entityClass the entity class or a superclass of it
     * @param attribute the attribute name or path
     * @return this
     */
    public OmetriaBackfill changedSinceAttribute(Class<?> entityClass, String attribute) {
        Objects.requireNonNull(entityClass, "entityClass");
        if (attribute == null || attribute.isBlank()) {
            throw new IllegalArgumentException("name the attribute of " + entityClass.getSimpleName() + " that holds its last-change time");
        }
        changedSinceAttributes.put(entityClass, attribute.strip());
        return this;
    }

    /**
     * The zone in which {@code LocalDateTime} and {@code LocalDate} changed-since attributes are written.
     *
     * @param zone the zone; default the JVM's
     * @return this
     */
    public OmetriaBackfill changedSinceZone(ZoneId zone) {
        this.changedSinceZone = Objects.requireNonNull(zone, "zone");
        return this;
    }

    /**
     * How many rows are read, serialized and checkpointed together. Memory holds about
     * {@code chunkSize × maxChunksInFlight} records; a multiple of 100 fills every request.
     *
     * @param rows 1 to 100,000; default {@value #DEFAULT_CHUNK_SIZE}
     * @return this
     */
    public OmetriaBackfill chunkSize(int rows) {
        if (rows < 1 || rows > 100_000) {
            throw new IllegalArgumentException("chunkSize must be from 1 to 100,000 rows, not " + rows);
        }
        this.chunkSize = rows;
        return this;
    }

    /**
     * How many chunks may be handed to the pipeline before the oldest has its outcomes. A killed run sends again
     * at most this many chunks (the ones submitted after the last checkpoint).
     *
     * @param chunks at least 1; default {@value #DEFAULT_MAX_CHUNKS_IN_FLIGHT}
     * @return this
     */
    public OmetriaBackfill maxChunksInFlight(int chunks) {
        if (chunks < 1) {
            throw new IllegalArgumentException("maxChunksInFlight must be at least 1, not " + chunks);
        }
        this.maxChunksInFlight = chunks;
        return this;
    }

    /**
     * Forgets this backfill's checkpoint and starts at the beginning. (A backfill whose every type finished
     * starts over anyway; this is for one that stopped halfway.)
     *
     * @return this
     */
    public OmetriaBackfill restart() {
        this.restart = true;
        return this;
    }

    /**
     * Creates the checkpoint table from the shipped DDL when it is missing, instead of failing with the DDL in
     * the message. Convenient for embedded databases and demos; production schemas usually come from migrations.
     *
     * @return this
     */
    public OmetriaBackfill createCheckpointTable() {
        this.createCheckpointTable = true;
        return this;
    }

    /**
     * Receives progress: before the first chunk, after each confirmed chunk, and at the end.
     *
     * @param listener the callback, called on the thread running the backfill
     * @return this
     */
    public OmetriaBackfill progress(BackfillProgressListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Runs the backfill on the calling thread until every selected row was sent and has an outcome, or until it
     * must stop: the pipeline closed (the SessionFactory is closing) or refused the API key, or the thread was
     * interrupted. Rejected records are counted and listed in the summary, not retried.
     *
     * @return what the run did; {@link BackfillSummary#complete()} is false when it stopped early
     * @throws IllegalArgumentException when the options do not fit the mapping (an unknown class, a missing or
     *     unusable changed-since attribute), naming every problem
     * @throws IllegalStateException when the checkpoint table is missing (the message holds its DDL), or when the
     *     checkpoint was written by a run with another changed-since filter
     */
    public BackfillSummary run() {
        BackfillOptions options = new BackfillOptions(name, types, entities, changedSince, changedSinceAttributes, changedSinceZone,
                chunkSize, maxChunksInFlight, restart, createCheckpointTable, listener, clock);
        return new BackfillEngine(factory, runtime.pipeline(), options).run();
    }

    /** The listener set so far, for {@link BackfillConsole} to draw beside it. */
    BackfillProgressListener listener() {
        return listener;
    }

    /** The name, for {@link BackfillConsole}'s summary. */
    String name() {
        return name;
    }
}
