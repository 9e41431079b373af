package dev.ometriasync.benchmarks.soak.check;

import java.util.Objects;

/**
 * The identity of a record in Ometria, as the soak uses it (contacts all belong to one collection).
 *
 * @param type {@code contact}, {@code order} or {@code product}
 * @param id the record's Ometria id, as text
 */
public record OmetriaKey(String type, String id) implements Comparable<OmetriaKey> {

    /** Checks both parts. */
    public OmetriaKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    @Override
    public int compareTo(OmetriaKey other) {
        int byType = type.compareTo(other.type);
        return byType != 0 ? byType : id.compareTo(other.id);
    }

    @Override
    public String toString() {
        return type + " " + id;
    }
}
