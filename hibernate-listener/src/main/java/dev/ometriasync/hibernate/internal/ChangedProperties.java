package dev.ometriasync.hibernate.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** Stores a set of attribute names in one column: comma-separated; {@code null} means "all" (a full record). */
final class ChangedProperties {

    private ChangedProperties() {
    }

    static String format(Set<String> names) {
        return names == null ? null : String.join(",", names);
    }

    /**
     * The names of two changes of one entity, the later second.
     *
     * @return {@code earlier} itself when the later change adds no name (an attribute changed again and again keeps its
     *     set, no copy), otherwise a new set with both, in first-changed order
     */
    static Set<String> union(Set<String> earlier, Set<String> later) {
        if (earlier.containsAll(later)) {
            return earlier;
        }
        Set<String> union = new LinkedHashSet<>(earlier);
        union.addAll(later);
        return union;
    }

    static Set<String> parse(String column) {
        if (column == null) {
            return null;
        }
        if (column.isEmpty()) {
            return Collections.emptySet();
        }
        return new LinkedHashSet<>(Arrays.asList(column.split(",")));
    }
}
