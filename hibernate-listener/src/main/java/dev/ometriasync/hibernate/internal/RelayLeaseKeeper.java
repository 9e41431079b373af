package dev.ometriasync.hibernate.internal;

import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.exception.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the relay lease in {@code ometria_relay_lease}: one active sender per database, so several
 * application instances stay together within the account's request rate. The holder renews the lease
 * every round; another instance takes it over only after it expired on the database clock, so a dead
 * holder is replaced after at most one lease duration.
 */
final class RelayLeaseKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(RelayLeaseKeeper.class);

    private final OutboxStore store;
    private final String instanceId;
    private final Duration leaseDuration;
    private volatile boolean holding;

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
        boolean held;
        try {
            held = store.inTransaction(session -> {
                Instant now = OutboxStore.databaseNow(session);
                RelayLease lease = session.find(RelayLease.class, RelayLease.OUTBOX_LEASE, LockModeType.PESSIMISTIC_WRITE);
                if (lease == null) {
                    session.persist(new RelayLease(RelayLease.OUTBOX_LEASE, instanceId, now.plus(leaseDuration)));
                    session.flush();
                    return true;
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
        } catch (ConstraintViolationException e) {
            held = false; // another instance created the lease row at the same moment
        } catch (RuntimeException e) {
            holding = false; // a lease that cannot be renewed is not held
            throw e;
        }
        if (held != holding) {
            LOG.debug("ometria-sync relay {} {} the outbox lease", instanceId, held ? "holds" : "does not hold");
        }
        holding = held;
        return held;
    }

    /** Gives the lease up at shutdown so that another instance need not wait for it to expire. */
    void release() {
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
