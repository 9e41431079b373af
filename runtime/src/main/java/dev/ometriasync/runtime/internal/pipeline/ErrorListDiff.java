package dev.ometriasync.runtime.internal.pipeline;

import dev.ometriasync.runtime.PushError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells which entries of {@code GET /v2/push/_errors} are new since the previous read. Ometria's entries carry no
 * id or time and their order is not documented (Ometria's "list errors" page), so the list is compared as a multiset of
 * (message, path): an entry is new when the list holds more of its kind than before. Ometria keeps only the 100
 * most recent entries, so once the list is full an old entry can drop out as a new one of the same kind comes in,
 * and that new one is not seen: {@link #mayHaveMissed()} says when this could have happened. Not thread-safe: the
 * poller calls it from one thread at a time.
 */
final class ErrorListDiff {

    /** Ometria lists the 100 most recent entries (its "list errors" page). */
    static final int LIST_LIMIT = 100;

    private Map<PushError, Integer> previous;
    private boolean mayHaveMissed;

    /**
     * Takes in a new read of the list.
     *
     * @param current the entries as listed now, in any order
     * @return the entries not there before, in the order listed; on the first read, every entry
     */
    List<PushError> newEntries(List<PushError> current) {
        Map<PushError, Integer> counts = count(current);
        List<PushError> fresh = new ArrayList<>();
        Map<PushError, Integer> before = previous == null ? Map.of() : new HashMap<>(previous);
        for (PushError entry : current) {
            int left = before.getOrDefault(entry, 0);
            if (left > 0) {
                before.put(entry, left - 1);
            } else {
                fresh.add(entry);
            }
        }
        mayHaveMissed = previous != null && sum(previous) >= LIST_LIMIT && current.size() >= LIST_LIMIT;
        previous = counts;
        return fresh;
    }

    /**
     * Whether the last two reads both held a full list: then new entries of a kind already listed can have gone
     * unseen (an old one of the same kind dropped out as each came in).
     *
     * @return true when entries may have been missed
     */
    boolean mayHaveMissed() {
        return mayHaveMissed;
    }

    private static Map<PushError, Integer> count(List<PushError> entries) {
        Map<PushError, Integer> counts = new HashMap<>();
        for (PushError entry : entries) {
            counts.merge(entry, 1, Integer::sum);
        }
        return counts;
    }

    private static int sum(Map<PushError, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
