package dev.ometriasync.processor.internal;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Everything the writer needs for one annotated type, checked and complete.
 *
 * @param element the annotated type
 * @param kind what it maps to
 * @param entity the annotated type's name
 * @param serializer the generated class's name
 * @param collection a contact's collection, or empty
 * @param eventType a custom event's type, or empty
 * @param id the member mapped to {@code id} for record types; null for nested objects
 * @param nodes the fields other than the id, in output order
 * @param mappedProperties the Java attribute names read, in declaration order
 * @param usesDeprecated whether the generated code reads a deprecated member or type, so it must suppress
 *     the warning to stay clean under {@code -Xlint:all -Werror}
 * @param references the other annotated types whose generated serializers the output calls
 */
public record SerializerModel(TypeElement element, TargetKind kind, ClassName entity, ClassName serializer,
                              String collection, String eventType, MappedValue id, List<OutputNode> nodes,
                              List<String> mappedProperties, boolean usesDeprecated, List<Reference> references) {

    /**
     * A member whose output delegates to another annotated type's generated serializer: the generated code
     * compiles only if that serializer is generated too (or is on the class path).
     *
     * @param type the referenced annotated type
     * @param serializer its generated serializer
     * @param member the referencing member, to report on
     * @param mirror the member's mapping annotation
     * @param value the annotation's name value
     * @param description the member as messages name it, such as {@code field Order.customer}
     */
    public record Reference(TypeElement type, ClassName serializer, Element member, AnnotationMirror mirror,
                            AnnotationValue value, String description) {
    }

    /**
     * A top-level leaf mapped to the given field, used for a contact's customer object.
     *
     * @param jsonName the field
     * @return the member, if mapped
     */
    public Optional<MappedValue> topLevel(String jsonName) {
        for (OutputNode node : nodes) {
            if (node instanceof OutputNode.Leaf leaf && leaf.jsonName().equals(jsonName)) {
                return Optional.of(leaf.value());
            }
        }
        return Optional.empty();
    }
}
