package dev.ometriasync.hibernate;

import dev.ometriasync.hibernate.internal.OmetriaSyncRuntime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The dead rows of the outbox: list them with their reasons, replay them (they become pending again and the
 * relay sends the entities' <em>current</em> state), or purge them. The same operations are behind the Spring Boot
 * starter's {@code /actuator/ometria} endpoint and {@code BackfillCommand --dead-letters}.
 *
 * <pre>{@code
 * DeadLetters dead = OmetriaSync.of(entityManagerFactory).deadLetters();
 * dead.list(50).forEach(row -> log.info("{} {} {}: {}", row.id(), row.entityName(), row.entityId(), row.reason()));
 * dead.replay(List.of(42L));   // after fixing the data behind row 42
 * dead.purgeAll();             // give up on the rest
 * }</pre>
 *
 * <p>Without an outbox (direct mode, or the integration switched off) there is nothing to list: {@link #list} is
 * empty and the other operations return 0.
 */
public final class DeadLetters {

    private final OmetriaSyncRuntime runtime;

    DeadLetters(OmetriaSyncRuntime runtime) {
        this.runtime = runtime;
    }

    private boolean hasOutbox() {
        return runtime != null && runtime.hasOutbox();
    }

    /**
     * The dead rows, oldest first.
     *
     * @param max the most rows to return
     * @return the rows
     */
    public List<DeadLetter> list(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive, was " + max);
        }
        return hasOutbox() ? runtime.outboxInspector().deadLetters(max) : List.of();
    }

    /**
     * How many rows are dead.
     *
     * @return the count
     */
    public long count() {
        return hasOutbox() ? runtime.outboxRows("DEAD") : 0;
    }

    /**
     * Makes the given dead rows pending again, with their attempts reset, and wakes the relay. Ids that are not
     * dead rows are ignored.
     *
     * @param ids row ids from {@link #list}
     * @return how many rows were replayed
     */
    public int replay(Collection<Long> ids) {
        Objects.requireNonNull(ids, "ids");
        return ids.isEmpty() || !hasOutbox() ? 0 : runtime.replayDeadLetters(List.copyOf(ids));
    }

    /**
     * Makes every dead row pending again and wakes the relay.
     *
     * @return how many rows were replayed
     */
    public int replayAll() {
        return hasOutbox() ? runtime.replayDeadLetters(null) : 0;
    }

    /**
     * Deletes the given dead rows (those changes are then never sent). Ids that are not dead rows are ignored.
     *
     * @param ids row ids from {@link #list}
     * @return how many rows were deleted
     */
    public int purge(Collection<Long> ids) {
        Objects.requireNonNull(ids, "ids");
        return ids.isEmpty() || !hasOutbox() ? 0 : runtime.outboxInspector().purge(List.copyOf(ids));
    }

    /**
     * Deletes every dead row.
     *
     * @return how many rows were deleted
     */
    public int purgeAll() {
        return hasOutbox() ? runtime.outboxInspector().purge(null) : 0;
    }
}
