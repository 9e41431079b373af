package dev.ometriasync.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ometriasync.testkit.ValidationFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Validates acknowledged records after the acknowledgement, as Ometria does, on one
 * daemon thread, batch by batch in arrival order: a record without problems is merged into the store, a
 * record with problems is listed in the error log and not stored.
 *
 * <p>Tests wait for it with {@link #awaitIdle(Duration)}, and may {@link #pause()} it to observe the state
 * between the acknowledgement and the validation.
 */
public final class ValidationWorker implements AutoCloseable {

    /** Records acknowledged by one push request. */
    record Batch(String requestId, List<ObjectNode> records) {
    }

    /** A rule Ometria applies later that the simulator's own checks do not hold: matching records are refused at a path. */
    private record LaterRefusal(Predicate<? super JsonNode> matcher, String path) {
    }

    private final List<LaterRefusal> laterRefusals = new CopyOnWriteArrayList<>();
    private final RecordChecker checker;
    private final RecordStore store;
    private final ErrorLog errors;
    private final Clock clock;
    private final ArrayDeque<Batch> queue = new ArrayDeque<>();
    private final Thread thread;
    private boolean busy;
    private boolean paused;
    private boolean closed;

    public ValidationWorker(RecordChecker checker, RecordStore store, ErrorLog errors, Clock clock) {
        this.checker = checker;
        this.store = store;
        this.errors = errors;
        this.clock = clock;
        this.thread = new Thread(this::run, "ometria-simulator-validation");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void submit(Batch batch) {
        if (!batch.records().isEmpty()) {
            queue.addLast(batch);
            notifyAll();
        }
    }

    /** @return whether every submitted batch was processed before the timeout */
    public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (busy || !queue.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    public synchronized boolean isIdle() {
        return !busy && queue.isEmpty();
    }

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    /**
     * Refuses acknowledged records that match, at validation, at the given path, until {@link #clearRefusals()}.
     *
     * @param matcher which records
     * @param path the {@code error_path} to list, such as {@code root > firstname}
     */
    public void refuseLater(Predicate<? super JsonNode> matcher, String path) {
        laterRefusals.add(new LaterRefusal(matcher, path));
    }

    /** Forgets the rules given to {@link #refuseLater}. */
    public void clearRefusals() {
        laterRefusals.clear();
    }

    /** Drops batches not yet validated. */
    public synchronized void discardPending() {
        queue.clear();
        notifyAll();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (true) {
            Batch batch;
            synchronized (this) {
                while (!closed && (paused || queue.isEmpty())) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                batch = queue.pollFirst();
                busy = true;
            }
            try {
                for (ObjectNode record : batch.records()) {
                    validateOrReport(batch.requestId(), record);
                }
            } finally {
                synchronized (this) {
                    busy = false;
                    notifyAll();
                }
            }
        }
    }

    private void validateOrReport(String requestId, ObjectNode record) {
        try {
            validate(requestId, record);
        } catch (RuntimeException e) {
            // A bug in the simulator must show up in the test that hit it, not stop validation for good.
            errors.add(new ValidationFailure("simulator failure: " + e, "root", record.path("@type").asText(null),
                    record.path("id").asText(null), requestId, clock.instant()));
        }
    }

    private void validate(String requestId, ObjectNode record) {
        String type = record.get("@type").asText();
        String id = record.get("id").asText();
        List<RecordChecker.Problem> problems = checker.check(record);
        if (problems.isEmpty()) {
            for (LaterRefusal refusal : laterRefusals) {
                if (refusal.matcher().test(record)) {
                    errors.add(new ValidationFailure(ValueRule.NOT_VALID, refusal.path(), type, id, requestId, clock.instant()));
                    return; // refused: not stored, as Ometria stores no invalid record
                }
            }
            if (RecordChecker.truncateEventType(record)) {
                errors.add(new ValidationFailure("value truncated to " + RecordChecker.EVENT_TYPE_MAX_LENGTH + " characters",
                        "root > event_type", type, id, requestId, clock.instant()));
            }
            store.merge(record);
        } else {
            problems.forEach(problem -> errors.add(
                    new ValidationFailure(problem.message(), problem.path(), type, id, requestId, clock.instant())));
        }
    }
}
