package dev.ometriasync.benchmarks.soak.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What Ometria must hold once everything committed has been sent.
 *
 * @param live every entity in the database, as the Ometria record it maps to (nulls left out: a null in the
 *     database means the field is absent in Ometria)
 * @param deleted every entity the soak deleted (from its tombstones); what Ometria must hold for each depends on
 *     the type's delete policy
 */
public record ExpectedState(Map<OmetriaKey, ObjectNode> live, Set<OmetriaKey> deleted) {

    /** Copies both, sorted. */
    public ExpectedState {
        live = Collections.unmodifiableMap(new TreeMap<>(live));
        deleted = Collections.unmodifiableSet(new TreeSet<>(deleted));
    }

    /**
     * @param type a record type
     * @return how many live entities of that type the database holds
     */
    public long liveCount(String type) {
        return live.keySet().stream().filter(key -> key.type().equals(type)).count();
    }

    /**
     * @param type a record type
     * @return how many entities of that type were deleted
     */
    public long deletedCount(String type) {
        return deleted.stream().filter(key -> key.type().equals(type)).count();
    }
}
