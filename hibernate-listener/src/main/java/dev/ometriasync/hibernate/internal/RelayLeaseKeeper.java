package dev.ometriasync.hibernate.internal;

import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the relay lease in {@code ometria_relay_lease}: one active sender per database, so several
 * application instances stay together within the account's request rate. The holder renews the lease
 * every poll interval; another instance takes it over only after it expired on the database clock, so a dead
 * holder is replaced after at most one lease duration.
 */
final class RelayLeaseKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(RelayLeaseKeeper.class);

    private final OutboxStore store;
    private final String instanceId;
    private final Duration leaseDuration;
    private volatile boolean holding;
    /**
     * {@link System#nanoTime()} after which this instance must assume it no longer holds the lease; only
     * meaningful while {@link #locallyValid} is set (any long value, zero included, is a possible nanoTime).
     */
    private volatile long validUntilNanos;
    /** Whether {@link #validUntilNanos} was set by a renewal and not cleared by {@link #release()}. */
    private volatile boolean locallyValid;
    /** {@link System#nanoTime()} when this instance last started holding the lease. */
    private volatile long holdingSinceNanos;

    RelayLeaseKeeper(OutboxStore store, String instanceId, Duration leaseDuration) {
        this.store = store;
        this.instanceId = instanceId;
        this.leaseDuration = leaseDuration;
    }

    /**
     * Takes or renews the lease.
     *
     * @return true when this instance holds the lease for another lease duration
     */
    boolean acquireOrRenew() {
        // measured before the database is asked: the lease runs from no earlier than this moment
        long askedAt = System.nanoTime();
        boolean held;
        try {
            held = store.inTransaction(session -> {
                Instant now = OutboxStore.databaseNow(session);
                RelayLease lease = session.find(RelayLease.class, RelayLease.OUTBOX_LEASE, LockModeType.PESSIMISTIC_WRITE);
                if (lease == null) {
                    // false: another instance created the lease row at the same moment, and holds it
                    return LeaseRowInsert.insertIfAbsent(session,
                            new RelayLease(RelayLease.OUTBOX_LEASE, instanceId, now.plus(leaseDuration)));
                }
                if (lease.getHolder().equals(instanceId) || lease.getExpiresAt().isBefore(now)) {
                    if (!lease.getHolder().equals(instanceId)) {
                        LOG.info("ometria-sync relay {} takes over the outbox lease from {} (expired at {})",
                                instanceId, lease.getHolder(), lease.getExpiresAt());
                    }
                    lease.grant(instanceId, now.plus(leaseDuration));
                    return true;
                }
                return false;
            });
        } catch (RuntimeException e) {
            holding = false; // a lease that cannot be renewed is not held
            throw e;
        }
        if (held != holding) {
            LOG.debug("ometria-sync relay {} {} the outbox lease", instanceId, held ? "holds" : "does not hold");
        }
        if (held) {
            if (!holding) {
                holdingSinceNanos = askedAt;
            }
            validUntilNanos = askedAt + leaseDuration.minus(safetyMargin(leaseDuration)).toNanos();
            locallyValid = true;
        }
        holding = held;
        return held;
    }

    /**
     * How long before its lease lapses (on its own clock) an instance stops sending: a tenth of the lease, at
     * least a second, covering clock-rate differences and the time between the check and a request's start.
     *
     * @param leaseDuration the lease duration
     * @return the margin
     */
    static Duration safetyMargin(Duration leaseDuration) {
        Duration tenth = leaseDuration.dividedBy(10);
        return tenth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : tenth;
    }

    /**
     * Whether, on this JVM's clock and with the safety margin, the lease is certainly still this instance's:
     * false from a margin before it could lapse unless it was renewed since.
     *
     * @return true while sending is safe
     */
    boolean isValidLocally() {
        return nanosUntilLocalExpiry() > 0;
    }

    /**
     * How long this instance has held the lease without interruption.
     *
     * @return the time since it took (or took back) the lease; zero when it does not hold it
     */
    Duration heldFor() {
        return holding ? Duration.ofNanos(System.nanoTime() - holdingSinceNanos) : Duration.ZERO;
    }

    /** @return nanoseconds until {@link #isValidLocally()} turns false unless the lease is renewed; at most 0 when it is false */
    long nanosUntilLocalExpiry() {
        return locallyValid ? validUntilNanos - System.nanoTime() : 0;
    }

    /** Gives the lease up at shutdown so that another instance need not wait for it to expire. */
    void release() {
        locallyValid = false;
        if (!holding) {
            return;
        }
        store.inTransaction(session -> session.createMutationQuery("update " + RelayLease.ENTITY_NAME
                        + " l set l.expiresAt = :past where l.name = :name and l.holder = :me")
                .setParameter("past", Instant.EPOCH)
                .setParameter("name", RelayLease.OUTBOX_LEASE)
                .setParameter("me", instanceId)
                .executeUpdate());
        holding = false;
    }

    boolean isHolding() {
        return holding;
    }
}
