package dev.ometriasync.processor.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Arranges mapped values into output order: a top-level field per value, except that dotted paths
 * ({@code channels.sms.allow_marketing}) and custom properties are gathered into nested objects, each
 * written where its first member was declared.
 */
final class OutputTree {

    private OutputTree() {
    }

    static List<OutputNode> build(List<MappedValue> values) {
        GroupBuilder root = new GroupBuilder("");
        for (MappedValue value : values) {
            GroupBuilder group = root;
            for (String segment : parents(value)) {
                group = group.child(segment);
            }
            group.entries.add(value);
        }
        return root.children();
    }

    /** The enclosing objects of a value: a property key may itself contain dots. */
    private static List<String> parents(MappedValue value) {
        String path = value.path();
        String parentPath = path.substring(0, path.length() - value.jsonName().length());
        List<String> parents = new ArrayList<>();
        for (String segment : parentPath.split("\\.")) {
            if (!segment.isEmpty()) {
                parents.add(segment);
            }
        }
        return parents;
    }

    private static final class GroupBuilder {
        private final String name;
        private final List<Object> entries = new ArrayList<>();
        private final Map<String, GroupBuilder> groups = new LinkedHashMap<>();

        GroupBuilder(String name) {
            this.name = name;
        }

        GroupBuilder child(String segment) {
            GroupBuilder existing = groups.get(segment);
            if (existing == null) {
                existing = new GroupBuilder(segment);
                groups.put(segment, existing);
                entries.add(existing);
            }
            return existing;
        }

        List<OutputNode> children() {
            List<OutputNode> nodes = new ArrayList<>();
            for (Object entry : entries) {
                if (entry instanceof MappedValue value) {
                    nodes.add(new OutputNode.Leaf(value));
                } else {
                    GroupBuilder group = (GroupBuilder) entry;
                    nodes.add(new OutputNode.Group(group.name, group.children()));
                }
            }
            return nodes;
        }
    }
}
