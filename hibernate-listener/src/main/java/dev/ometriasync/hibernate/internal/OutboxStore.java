package dev.ometriasync.hibernate.internal;

import dev.ometriasync.runtime.resilience.Backoff;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The relay's reads and writes of {@code ometria_outbox}, each in its own short transaction. Times that
 * other instances compare against (claims, next attempts) are computed from the database clock, so
 * instances with skewed clocks agree.
 */
final class OutboxStore {

    /** Rows per IN list, well under every database's parameter limit. */
    private static final int CHUNK = 500;
    private static final int MAX_ERROR_LENGTH = 1000;
    /** When a row that failed its n-th attempt is due again: 2 s doubling per attempt, at most ten minutes. */
    static final Backoff ROW_RETRY = Backoff.exponential(Duration.ofSeconds(2), Duration.ofMinutes(10));
    /**
     * The lock timeout that means "skip rows another transaction has locked" ({@code FOR UPDATE SKIP LOCKED}
     * where the database has it). The value of {@code LockOptions.SKIP_LOCKED} in Hibernate 6 and of
     * {@code Timeouts.SKIP_LOCKED_MILLI} in Hibernate 7: the first is marked for removal in 7 and the second
     * does not exist in 6, so the number itself is the one spelling that compiles cleanly on both.
     */
    private static final int SKIP_LOCKED_TIMEOUT = -2;

    private final SessionFactory factory;

    OutboxStore(SessionFactory factory) {
        this.factory = factory;
    }

    /**
     * The database's current time.
     *
     * @param session an open session
     * @return the database clock
     */
    static Instant databaseNow(Session session) {
        return session.createSelectionQuery("select instant", Instant.class).getSingleResult();
    }

    /**
     * Claims due rows that nobody holds: locks them ({@code SKIP LOCKED} where the database supports it, so
     * concurrent claimers take different rows), records the claim and commits, so that no lock is held
     * while the records are sent.
     *
     * @param instanceId who claims
     * @param limit the most rows
     * @param claimDuration how long the claim lasts unless renewed
     * @param avoidOthersEntities skip rows of entities that another instance still holds a live claim on (after a
     *     takeover: that instance's request for the entity may still land, and a newer change must not overtake it)
     * @param afterId only rows with a greater id, or null for the whole table
     * @return the claimed rows, oldest first
     */
    List<OutboxEntry> claim(String instanceId, int limit, Duration claimDuration, boolean avoidOthersEntities, Long afterId) {
        return inTransaction(session -> {
            Instant now = databaseNow(session);
            String others = !avoidOthersEntities ? "" : " and not exists (from " + OutboxEntry.ENTITY_NAME + " o where"
                    + " o.entityName = e.entityName and o.entityId = e.entityId and " + othersLiveClaim("o") + ")";
            var query = session.createSelectionQuery(
                            "from " + OutboxEntry.ENTITY_NAME + " e where e.status = :pending and e.nextAttemptAt <= :now"
                                    + " and (e.claimedUntil is null or e.claimedUntil < :now)"
                                    + (afterId == null ? "" : " and e.id > :after") + others + " order by e.id",
                            OutboxEntry.class)
                    .setParameter("pending", OutboxEntry.PENDING)
                    .setParameter("now", now);
            if (afterId != null) {
                query.setParameter("after", afterId);
            }
            if (avoidOthersEntities) {
                query.setParameter("me", instanceId);
            }
            List<OutboxEntry> rows = query
                    .setMaxResults(limit)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED_TIMEOUT)
                    .getResultList();
            if (!rows.isEmpty()) {
                List<Long> ids = rows.stream().map(OutboxEntry::getId).toList();
                for (List<Long> chunk : chunks(ids)) {
                    session.createMutationQuery("update " + OutboxEntry.ENTITY_NAME
                                    + " e set e.claimedBy = :me, e.claimedUntil = :until where e.id in :ids")
                            .setParameter("me", instanceId)
                            .setParameter("until", now.plus(claimDuration))
                            .setParameterList("ids", chunk)
                            .executeUpdate();
                }
                session.clear();
            }
            return rows;
        });
    }

    /**
     * Whether another instance holds a live claim on some row: after a takeover, its requests for those rows' entities
     * may still land, so claims must skip their entities until those claims lapse.
     *
     * @param instanceId this instance
     * @return true when some row is claimed by another instance until now or later
     */
    boolean othersHoldLiveClaims(String instanceId) {
        return inTransaction(session -> !session.createSelectionQuery("select e.id from " + OutboxEntry.ENTITY_NAME
                                + " e where " + othersLiveClaim("e"), Long.class)
                .setParameter("me", instanceId)
                .setParameter("now", databaseNow(session))
                .setMaxResults(1)
                .getResultList()
                .isEmpty());
    }

    /** A row of {@code alias} claimed by another instance than {@code :me}, and the claim live at {@code :now}. */
    private static String othersLiveClaim(String alias) {
        return alias + ".claimedBy <> :me and " + alias + ".claimedUntil >= :now";
    }

    /**
     * Extends this instance's claims on rows it is still sending.
     *
     * @param instanceId the claimer
     * @param ids the rows in flight
     * @param claimDuration the new duration from now
     */
    void extendClaims(String instanceId, Collection<Long> ids, Duration claimDuration) {
        if (ids.isEmpty()) {
            return;
        }
        inTransaction(session -> {
            Instant until = databaseNow(session).plus(claimDuration);
            for (List<Long> chunk : chunks(List.copyOf(ids))) {
                session.createMutationQuery("update " + OutboxEntry.ENTITY_NAME
                                + " e set e.claimedUntil = :until where e.claimedBy = :me and e.id in :ids")
                        .setParameter("until", until)
                        .setParameter("me", instanceId)
                        .setParameterList("ids", chunk)
                        .executeUpdate();
            }
            return null;
        });
    }

    /**
     * Deletes rows whose records Ometria accepted (or that need nothing sent).
     *
     * @param ids exactly the rows to delete
     */
    void delete(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        inTransaction(session -> {
            for (List<Long> chunk : chunks(List.copyOf(ids))) {
                session.createMutationQuery("delete from " + OutboxEntry.ENTITY_NAME + " e where e.id in :ids")
                        .setParameterList("ids", chunk)
                        .executeUpdate();
            }
            return null;
        });
    }

    /**
     * Turns rows whose records Ometria accepted "in doubt" (an earlier, unanswered attempt may still be processed
     * after them) into full re-sends of the entity's current state, due after a delay by which any late copy
     * has landed; rows that carried a delete or an id retirement (whose late copies say the same) are deleted.
     *
     * @param ids the rows
     * @param delay how long until the re-send is due
     */
    void resendLater(Collection<Long> ids, Duration delay) {
        if (ids.isEmpty()) {
            return;
        }
        inTransaction(session -> {
            Instant due = databaseNow(session).plus(delay);
            for (List<Long> chunk : chunks(List.copyOf(ids))) {
                session.createMutationQuery("update " + OutboxEntry.ENTITY_NAME + " e set e.operation = :touch,"
                                + " e.changedProperties = null, e.nextAttemptAt = :due, e.claimedBy = null, e.claimedUntil = null,"
                                + " e.lastError = :why where e.id in :ids and e.operation in (:live)")
                        .setParameter("touch", OutboxOperation.TOUCH.name())
                        .setParameter("due", due)
                        .setParameter("why", "in doubt: an earlier unanswered attempt may land late; re-sending current state")
                        .setParameterList("ids", chunk)
                        .setParameterList("live", List.of(OutboxOperation.INSERT.name(), OutboxOperation.UPDATE.name(),
                                OutboxOperation.TOUCH.name()))
                        .executeUpdate();
                session.createMutationQuery("delete from " + OutboxEntry.ENTITY_NAME
                                + " e where e.id in :ids and e.operation not in (:live)")
                        .setParameterList("ids", chunk)
                        .setParameterList("live", List.of(OutboxOperation.INSERT.name(), OutboxOperation.UPDATE.name(),
                                OutboxOperation.TOUCH.name()))
                        .executeUpdate();
            }
            return null;
        });
    }

    /**
     * Marks rows dead: they are kept, with the reason, and never retried automatically.
     *
     * @param ids the rows
     * @param reason why
     */
    void markDead(Collection<Long> ids, String reason) {
        if (ids.isEmpty()) {
            return;
        }
        inTransaction(session -> {
            for (List<Long> chunk : chunks(List.copyOf(ids))) {
                session.createMutationQuery("update " + OutboxEntry.ENTITY_NAME
                                + " e set e.status = :dead, e.lastError = :reason, e.claimedBy = null, e.claimedUntil = null"
                                + " where e.id in :ids")
                        .setParameter("dead", OutboxEntry.DEAD)
                        .setParameter("reason", truncate(reason))
                        .setParameterList("ids", chunk)
                        .executeUpdate();
            }
            return null;
        });
    }

    /**
     * Counts a failed attempt: the rows become due again after a backoff that doubles with every attempt
     * (capped at ten minutes), or dead once they reached the attempt limit.
     *
     * @param ids the rows
     * @param reason the failure
     * @param maxAttempts attempts after which a row is dead
     */
    void retryLater(Collection<Long> ids, String reason, int maxAttempts) {
        if (ids.isEmpty()) {
            return;
        }
        inTransaction(session -> {
            Instant now = databaseNow(session);
            List<OutboxEntry> rows = session.createSelectionQuery("from " + OutboxEntry.ENTITY_NAME + " e where e.id in :ids",
                    OutboxEntry.class).setParameterList("ids", List.copyOf(ids)).getResultList();
            for (OutboxEntry row : rows) {
                int attempts = row.getAttempts() + 1;
                session.createMutationQuery("update " + OutboxEntry.ENTITY_NAME
                                + " e set e.attempts = :attempts, e.nextAttemptAt = :next, e.lastError = :reason,"
                                + " e.status = :status, e.claimedBy = null, e.claimedUntil = null where e.id = :id")
                        .setParameter("attempts", attempts)
                        .setParameter("next", now.plus(ROW_RETRY.ceiling(attempts)))
                        .setParameter("reason", truncate(reason))
                        .setParameter("status", attempts >= maxAttempts ? OutboxEntry.DEAD : OutboxEntry.PENDING)
                        .setParameter("id", row.getId())
                        .executeUpdate();
            }
            return null;
        });
    }

    /**
     * Gives up claims without counting an attempt (the pipeline stopped before sending).
     *
     * @param instanceId the claimer
     * @param ids the rows, or null for every row this instance claimed
     */
    void release(String instanceId, Collection<Long> ids) {
        inTransaction(session -> {
            if (ids == null) {
                session.createMutationQuery("update " + OutboxEntry.ENTITY_NAME
                                + " e set e.claimedBy = null, e.claimedUntil = null where e.claimedBy = :me")
                        .setParameter("me", instanceId)
                        .executeUpdate();
                return null;
            }
            for (List<Long> chunk : chunks(List.copyOf(ids))) {
                session.createMutationQuery("update " + OutboxEntry.ENTITY_NAME
                                + " e set e.claimedBy = null, e.claimedUntil = null where e.claimedBy = :me and e.id in :ids")
                        .setParameter("me", instanceId)
                        .setParameterList("ids", chunk)
                        .executeUpdate();
            }
            return null;
        });
    }

    /**
     * Counts rows by status, for tests and health checks.
     *
     * @param status {@link OutboxEntry#PENDING} or {@link OutboxEntry#DEAD}
     * @return the number of rows
     */
    long count(String status) {
        return inTransaction(session -> session.createSelectionQuery(
                        "select count(e) from " + OutboxEntry.ENTITY_NAME + " e where e.status = :status", Long.class)
                .setParameter("status", status).getSingleResult());
    }

    <R> R inTransaction(Function<Session, R> work) {
        return factory.fromTransaction(work);
    }

    private static String truncate(String reason) {
        if (reason == null) {
            return null;
        }
        return reason.length() <= MAX_ERROR_LENGTH ? reason : reason.substring(0, MAX_ERROR_LENGTH - 3) + "...";
    }

    private static <E> List<List<E>> chunks(List<E> items) {
        if (items.size() <= CHUNK) {
            return List.of(items);
        }
        List<List<E>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i += CHUNK) {
            chunks.add(items.subList(i, Math.min(items.size(), i + CHUNK)));
        }
        return chunks;
    }
}
