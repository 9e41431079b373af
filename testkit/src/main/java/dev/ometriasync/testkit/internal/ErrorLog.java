package dev.ometriasync.testkit.internal;

import dev.ometriasync.testkit.ValidationFailure;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Validation failures in the order found. {@code GET /v2/push/_errors} shows the most recent
 * {@value #API_LIMIT}; tests can read more (up to {@value #KEPT} are kept). Thread-safe.
 */
public final class ErrorLog {

    /** Ometria returns the 100 most recent push record errors. */
    public static final int API_LIMIT = 100;

    /** Bound on memory for long runs; far more than any test reads. */
    static final int KEPT = 100_000;

    private final ArrayDeque<ValidationFailure> errors = new ArrayDeque<>();

    public synchronized void add(ValidationFailure error) {
        if (errors.size() == KEPT) {
            errors.pollFirst();
        }
        errors.addLast(error);
    }

    /** @return every kept error, oldest first */
    public synchronized List<ValidationFailure> all() {
        return new ArrayList<>(errors);
    }

    /** @return the most recent errors, newest first, at most {@code limit} */
    public synchronized List<ValidationFailure> mostRecent(int limit) {
        List<ValidationFailure> recent = new ArrayList<>(Math.min(limit, errors.size()));
        Iterator<ValidationFailure> newestFirst = errors.descendingIterator();
        while (newestFirst.hasNext() && recent.size() < limit) {
            recent.add(newestFirst.next());
        }
        return recent;
    }

    public synchronized void clear() {
        errors.clear();
    }
}
