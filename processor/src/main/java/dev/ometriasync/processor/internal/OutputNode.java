package dev.ometriasync.processor.internal;

import java.util.List;

/** A top-level field of the output, or a nested JSON object built from several members (channels, properties). */
public sealed interface OutputNode {

    /**
     * The JSON name of this node.
     *
     * @return the name
     */
    String jsonName();

    /**
     * One member written as one field.
     *
     * @param value the member
     */
    record Leaf(MappedValue value) implements OutputNode {
        @Override
        public String jsonName() {
            return value.jsonName();
        }
    }

    /**
     * An object whose fields come from several members.
     *
     * @param jsonName the object's field name
     * @param children its fields, in declaration order
     */
    record Group(String jsonName, List<OutputNode> children) implements OutputNode {
    }
}
