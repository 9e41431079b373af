package dev.ometriasync.benchmarks.soak.check;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The verdict of {@link StateCheck}.
 *
 * @param liveEntities entities in the database
 * @param equalRecords of those, the ones Ometria holds with every field equal
 * @param deactivatedDeletes deleted orders and products that Ometria holds as deactivated
 * @param deletedContacts deleted contacts (not compared: see {@link StateCheck})
 * @param mismatches every difference found
 */
public record StateCheckResult(int liveEntities, int equalRecords, int deactivatedDeletes, int deletedContacts,
                               List<Mismatch> mismatches) {

    /** @return whether Ometria ends equal to the database */
    public boolean equal() {
        return mismatches.isEmpty();
    }

    /** @return the number of mismatches of each kind (kinds with none left out) */
    public Map<Mismatch.Kind, Long> countsByKind() {
        Map<Mismatch.Kind, Long> counts = new TreeMap<>();
        for (Mismatch mismatch : mismatches) {
            counts.merge(mismatch.kind(), 1L, Long::sum);
        }
        return counts;
    }

    /** @return live entities that Ometria does not hold at all */
    public long lost() {
        return mismatches.stream().filter(m -> m.kind() == Mismatch.Kind.LOST).count();
    }
}
