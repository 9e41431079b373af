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
