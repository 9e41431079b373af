package dev.ometriasync.hibernate.internal;

import dev.ometriasync.hibernate.DeadLetter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.query.MutationQuery;

/**
 * Reads the outbox for operators (status figures, dead rows) and applies their decisions: replay and purge of
 * dead rows. Each call runs in its own short transaction; ages are measured on the database clock.
 */
public final class OutboxInspector {

    /**
     * The outbox figures of one moment.
     *
     * @param pending pending rows
     * @param dead dead rows
     * @param oldestPendingAge age of the oldest pending row, or null when none
     * @param leaseHolder the relay lease's holder, or null
     * @param leaseExpiresAt the lease's expiry, or null
     */
    public record Figures(long pending, long dead, Duration oldestPendingAge, String leaseHolder, Instant leaseExpiresAt) {
    }

    private final SessionFactory factory;

    OutboxInspector(SessionFactory factory) {
        this.factory = factory;
    }

    /**
     * Counts and ages, in one transaction.
     *
     * @return the figures
     */
    public Figures figures() {
        return factory.fromTransaction(session -> {
            Instant now = OutboxStore.databaseNow(session);
            List<Object[]> counts = session.createSelectionQuery("select e.status, count(e), min(e.createdAt) from "
                    + OutboxEntry.ENTITY_NAME + " e group by e.status", Object[].class).getResultList();
            long pending = 0;
            long dead = 0;
            Duration oldest = null;
            for (Object[] row : counts) {
                long count = ((Number) row[1]).longValue();
                if (OutboxEntry.PENDING.equals(row[0])) {
                    pending = count;
                    Instant created = (Instant) row[2];
                    oldest = created == null ? null : maxZero(Duration.between(created, now));
                } else if (OutboxEntry.DEAD.equals(row[0])) {
                    dead = count;
                }
            }
            RelayLease lease = session.find(RelayLease.class, RelayLease.OUTBOX_LEASE);
            return new Figures(pending, dead, oldest, lease == null ? null : lease.getHolder(),
                    lease == null ? null : lease.getExpiresAt());
        });
    }

    /**
     * The dead rows, oldest first.
     *
     * @param max the most rows
     * @return the rows
     */
    public List<DeadLetter> deadLetters(int max) {
        return factory.fromTransaction(session -> session.createSelectionQuery("from " + OutboxEntry.ENTITY_NAME
                        + " e where e.status = :dead order by e.id", OutboxEntry.class)
                .setParameter("dead", OutboxEntry.DEAD)
                .setMaxResults(max)
                .getResultList()
                .stream()
                .map(e -> new DeadLetter(e.getId(), e.getOperation(), e.getEntityName(), e.getEntityId(), e.getOmetriaType(),
                        e.getOmetriaId(), e.getAttempts(), e.getLastError(), e.getCreatedAt()))
                .toList());
    }

    /**
     * Makes dead rows pending and due now, attempts reset, claims cleared.
     *
     * @param ids the rows, or null for every dead row
     * @return rows changed
     */
    int replay(List<Long> ids) {
        return factory.fromTransaction(session -> {
            Instant now = OutboxStore.databaseNow(session);
            MutationQuery update = session.createMutationQuery("update " + OutboxEntry.ENTITY_NAME
                            + " e set e.status = :pending, e.attempts = 0, e.nextAttemptAt = :now, e.lastError = null,"
                            + " e.claimedBy = null, e.claimedUntil = null where e.status = :dead"
                            + (ids == null ? "" : " and e.id in :ids"))
                    .setParameter("pending", OutboxEntry.PENDING)
                    .setParameter("dead", OutboxEntry.DEAD)
                    .setParameter("now", now);
            if (ids != null) {
                update.setParameterList("ids", ids);
            }
            return update.executeUpdate();
        });
    }

    /**
     * Deletes dead rows.
     *
     * @param ids the rows, or null for every dead row
     * @return rows deleted
     */
    public int purge(List<Long> ids) {
        return factory.fromTransaction(session -> {
            MutationQuery delete = session.createMutationQuery("delete from " + OutboxEntry.ENTITY_NAME
                    + " e where e.status = :dead" + (ids == null ? "" : " and e.id in :ids"))
                    .setParameter("dead", OutboxEntry.DEAD);
            if (ids != null) {
                delete.setParameterList("ids", ids);
            }
            return delete.executeUpdate();
        });
    }

    private static Duration maxZero(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
