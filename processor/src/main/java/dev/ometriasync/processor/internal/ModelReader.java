package dev.ometriasync.processor.internal;

import com.palantir.javapoet.ClassName;
import dev.ometriasync.schema.OmetriaSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads one annotated type into a {@link SerializerModel}: every mapped member, then the checks that
 * need all of them (duplicates, the record id, recommended fields). Returns empty when any error was
 * reported for the type, so that no output is written for it.
 */
public final class ModelReader {

    private final Elements elements;
    private final DiagnosticReporter reporter;
    private final MemberCollector collector;
    private final MemberMappingReader mappings;

    /**
     * Creates a reader.
     *
     * @param elements javac's element utilities
     * @param types javac's type utilities
     * @param reporter where problems go
     */
    public ModelReader(Elements elements, Types types, DiagnosticReporter reporter) {
        this.elements = elements;
        this.reporter = reporter;
        this.collector = new MemberCollector(types);
        JavaTypes javaTypes = new JavaTypes(elements, types);
        AccessorResolver accessors = new AccessorResolver(elements, types, reporter);
        ValueClassifier classifier = new ValueClassifier(elements, javaTypes, reporter);
        this.mappings = new MemberMappingReader(elements, reporter, accessors, classifier);
    }

    /**
     * Reads a type whose type-level annotation was already checked.
     *
     * @param type the annotated type
     * @param target its kind and annotation
     * @return the model, or empty when an error was reported
     * @throws DeferTypeException when a type it needs does not exist yet
     */
    public Optional<SerializerModel> read(TypeElement type, TargetChecks.Target target) {
        int errorsBefore = reporter.errorCount();
        TargetKind kind = target.kind();
        Map<String, Mapped> byPath = new LinkedHashMap<>();
        for (MemberCollector.AnnotatedMember annotated : collector.collect(type)) {
            mappings.read(type, kind, annotated).ifPresent(value -> add(byPath, new Mapped(value, annotated)));
        }
        Mapped idMapping = kind.isRecord() ? byPath.get(OmetriaSchema.ID) : null;
        MappedValue id = idMapping == null ? null : idMapping.value;
        if (kind.isRecord() && id == null && reporter.errorCount() == errorsBefore) {
            reporter.report(OmetriaDiagnostic.MISSING_ID, type, target.annotation(), null, type.getSimpleName(),
                    kind.recordType().jsonName());
        }
        checkRecommended(type, target, byPath.keySet());
        for (Mapped mapped : byPath.values()) {
            if (mapped.value.kind() == ValueKind.CUSTOMER) {
                checkCustomerId(mapped);
            }
        }
        if (reporter.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        List<MappedValue> values = new ArrayList<>();
        List<SerializerModel.Reference> references = new ArrayList<>();
        Set<String> properties = new LinkedHashSet<>();
        boolean usesDeprecated = elements.isDeprecated(type);
        if (id != null) {
            properties.add(id.property());
        }
        for (Mapped mapped : byPath.values()) {
            if (mapped.value != id) {
                values.add(mapped.value);
            }
            properties.add(mapped.value.property());
            if (mapped.value.referenced() != null) {
                AnnotationMirror mirror = mapped.source.mirror();
                references.add(new SerializerModel.Reference(mapped.value.referenced(), mapped.value.delegate(),
                        mapped.source.element(), mirror, AnnotationMirrors.explicitValue(mirror, "value"),
                        AccessorResolver.describe(mapped.source.element())));
            }
            usesDeprecated |= mapped.value.accessor().deprecated()
                    || (mapped.value.referenced() != null && elements.isDeprecated(mapped.value.referenced()));
        }
        String collection = kind == TargetKind.CONTACT
                ? AnnotationMirrors.stringValue(elements, target.annotation(), "collection") : "";
        String eventType = kind == TargetKind.CUSTOM_EVENT
                ? AnnotationMirrors.stringValue(elements, target.annotation(), "eventType") : "";
        return Optional.of(new SerializerModel(type, kind, ClassName.get(type), SerializerNames.of(elements, type),
                collection, eventType, id, OutputTree.build(values), List.copyOf(properties),
                usesDeprecated, List.copyOf(references)));
    }

    /** A mapped value and the annotation it came from, for duplicate reports. */
    private record Mapped(MappedValue value, MemberCollector.AnnotatedMember source) {
    }

    private void add(Map<String, Mapped> byPath, Mapped mapped) {
        String path = mapped.value.path();
        Mapped existing = byPath.get(path);
        if (existing == null) {
            existing = conflictingProperties(byPath, path);
        }
        if (existing == null) {
            byPath.put(path, mapped);
            return;
        }
        if (existing.value.path().equals(path) && existing.value.property().equals(mapped.value.property())) {
            // The same property annotated twice: a record component (javac copies its annotation to the field
            // and the accessor) or a field together with its getter. One mapping.
            return;
        }
        Element member = mapped.source.element();
        AnnotationMirror mirror = mapped.source.mirror();
        reporter.report(OmetriaDiagnostic.DUPLICATE_FIELD, member, mirror,
                AnnotationMirrors.explicitValue(mirror, "value"), AccessorResolver.describe(member), path,
                AccessorResolver.describe(existing.source.element()));
    }

    /** A whole {@code properties} map and single {@code @OmetriaProperty} values cannot be combined. */
    private static Mapped conflictingProperties(Map<String, Mapped> byPath, String path) {
        String prefix = OmetriaSchema.PROPERTIES + ".";
        for (Map.Entry<String, Mapped> entry : byPath.entrySet()) {
            String other = entry.getKey();
            if ((path.equals(OmetriaSchema.PROPERTIES) && other.startsWith(prefix))
                    || (path.startsWith(prefix) && other.equals(OmetriaSchema.PROPERTIES))) {
                return entry.getValue();
            }
        }
        return null;
    }

    private void checkRecommended(TypeElement type, TargetChecks.Target target, Set<String> mappedPaths) {
        TargetKind kind = target.kind();
        for (Set<String> group : groupsToWarnAbout(kind)) {
            List<String> ordered = new ArrayList<>();
            for (String field : kind.spec().fieldNames()) {
                if (group.contains(field)) {
                    ordered.add(field);
                }
            }
            if (ordered.stream().anyMatch(field -> mapsInto(mappedPaths, field))) {
                continue;
            }
            if (kind == TargetKind.CUSTOM_EVENT && group.equals(OmetriaSchema.CUSTOM_EVENT_IDENTITY)) {
                reporter.report(OmetriaDiagnostic.EVENT_WITHOUT_IDENTITY, type, target.annotation(), null,
                        type.getSimpleName(), String.join(", ", ordered));
            } else {
                reporter.report(OmetriaDiagnostic.MISSING_RECOMMENDED, type, target.annotation(), null,
                        type.getSimpleName(), String.join(" or ", ordered), OmetriaSchema.neededFor(ordered.get(0)), ordered.get(0));
            }
        }
    }

    /**
     * The groups a type should map: for a record, what Ometria needs beyond the id (recommended groups, and
     * required groups other than the id and what the serializer writes itself, such as a custom event's
     * identity); for a nested object, its required groups (the runtime rejects an object without them).
     */
    private static List<Set<String>> groupsToWarnAbout(TargetKind kind) {
        if (!kind.isRecord()) {
            return kind.spec().required();
        }
        List<Set<String>> groups = new ArrayList<>(kind.spec().recommended());
        for (Set<String> group : kind.spec().required()) {
            boolean writtenBySerializer = group.stream()
                    .allMatch(field -> OmetriaSchema.isWrittenBySerializer(kind.recordType(), field));
            if (!group.contains(OmetriaSchema.ID) && !writtenBySerializer) {
                groups.add(group);
            }
        }
        return groups;
    }

    /** A field counts as mapped when a member maps it, or a part of it ({@code product.title} maps {@code product}). */
    private static boolean mapsInto(Set<String> mappedPaths, String field) {
        return mappedPaths.stream().anyMatch(path -> path.equals(field) || path.startsWith(field + "."));
    }

    private void checkCustomerId(Mapped mapped) {
        TypeElement contact = mapped.value.referenced();
        for (MemberCollector.AnnotatedMember member : collector.collect(contact)) {
            if (!member.property()
                    && AnnotationMirrors.stringValue(elements, member.mirror(), "value").equals("customer_id")) {
                return;
            }
        }
        AnnotationMirror mirror = mapped.source.mirror();
        reporter.report(OmetriaDiagnostic.CUSTOMER_WITHOUT_ID, mapped.source.element(), mirror,
                AnnotationMirrors.explicitValue(mirror, "value"), AccessorResolver.describe(mapped.source.element()),
                contact.getSimpleName(), contact.getSimpleName());
    }
}
