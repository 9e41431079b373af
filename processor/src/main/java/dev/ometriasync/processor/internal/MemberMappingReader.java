package dev.ometriasync.processor.internal;

import com.palantir.javapoet.ClassName;
import dev.ometriasync.schema.FieldSpec;
import dev.ometriasync.schema.ObjectSpec;
import dev.ometriasync.schema.OmetriaSchema;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Turns one mapping annotation on one member into a {@link MappedValue}: checks the target name against
 * the schema, the zone, how the member is read and whether its type suits the field.
 */
final class MemberMappingReader {

    private final Elements elements;
    private final DiagnosticReporter reporter;
    private final AccessorResolver accessors;
    private final ValueClassifier classifier;

    MemberMappingReader(Elements elements, DiagnosticReporter reporter, AccessorResolver accessors,
                        ValueClassifier classifier) {
        this.elements = elements;
        this.reporter = reporter;
        this.accessors = accessors;
        this.classifier = classifier;
    }

    Optional<MappedValue> read(TypeElement owner, TargetKind kind, MemberCollector.AnnotatedMember annotated) {
        return annotated.property() ? readProperty(owner, kind, annotated) : readField(owner, kind, annotated);
    }

    private Optional<MappedValue> readProperty(TypeElement owner, TargetKind kind,
                                               MemberCollector.AnnotatedMember annotated) {
        Element member = annotated.element();
        AnnotationMirror mirror = annotated.mirror();
        AnnotationValue nameValue = AnnotationMirrors.explicitValue(mirror, "value");
        String key = AnnotationMirrors.stringValue(elements, mirror, "value");
        if (key.isBlank()) {
            reporter.report(OmetriaDiagnostic.EMPTY_PROPERTY_NAME, member, mirror, nameValue,
                    AccessorResolver.describe(member));
            return Optional.empty();
        }
        String path = OmetriaSchema.PROPERTIES + "." + key;
        if (kind.spec().field(OmetriaSchema.PROPERTIES).isEmpty()) {
            reporter.report(OmetriaDiagnostic.UNKNOWN_FIELD, member, mirror, nameValue, OmetriaSchema.PROPERTIES,
                    kind.spec().name(), "Only contacts, orders, products, line items and custom events have custom"
                            + " properties; remove @OmetriaProperty or map the value on the record that holds this "
                            + kind.spec().name() + ".");
            return Optional.empty();
        }
        Optional<AccessorResolver.ResolvedMember> resolved = accessors.resolve(owner, member, mirror);
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        ValueClassifier.Site site = new ValueClassifier.Site(member, mirror, nameValue, path);
        return classifier.classifyProperty(site, resolved.get().type()).map(classified -> new MappedValue(key, path,
                resolved.get().property(), resolved.get().accessor(), classified.kind(),
                resolved.get().type().getKind().isPrimitive(), "", null, null, classified.enumValues()));
    }

    private Optional<MappedValue> readField(TypeElement owner, TargetKind kind,
                                            MemberCollector.AnnotatedMember annotated) {
        Element member = annotated.element();
        AnnotationMirror mirror = annotated.mirror();
        AnnotationValue nameValue = AnnotationMirrors.explicitValue(mirror, "value");
        String path = AnnotationMirrors.stringValue(elements, mirror, "value");
        Optional<FieldSpec> field = resolvePath(kind, path);
        if (field.isEmpty()) {
            reporter.report(OmetriaDiagnostic.UNKNOWN_FIELD, member, mirror, nameValue, path, kind.spec().name(),
                    unknownFieldHint(kind, path));
            return Optional.empty();
        }
        String zone = AnnotationMirrors.stringValue(elements, mirror, "zone");
        if (!zone.isEmpty() && !validZone(zone)) {
            Optional<String> suggestion = Suggestions.closest(zone, ZoneId.getAvailableZoneIds());
            reporter.report(OmetriaDiagnostic.INVALID_ZONE, member, mirror, AnnotationMirrors.explicitValue(mirror, "zone"),
                    zone, suggestion.map(s -> "Did you mean \"" + s + "\"?")
                            .orElse("Use a region id such as \"Europe/London\", or \"UTC\"."));
            return Optional.empty();
        }
        Optional<AccessorResolver.ResolvedMember> resolved = accessors.resolve(owner, member, mirror);
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        AccessorResolver.ResolvedMember readable = resolved.get();
        ValueClassifier.Site site = new ValueClassifier.Site(member, mirror, nameValue, path);
        Optional<ValueClassifier.Classified> classified =
                classifier.classifyField(site, readable.type(), field.get(), !zone.isEmpty());
        if (classified.isEmpty()) {
            return Optional.empty();
        }
        ValueKind valueKind = classified.get().kind();
        boolean entityReference = valueKind == ValueKind.CUSTOMER || valueKind == ValueKind.PRODUCT_ID;
        if (entityReference && !readable.accessor().method()) {
            reporter.report(OmetriaDiagnostic.UNREADABLE_MEMBER, member, mirror, null, AccessorResolver.describe(member),
                    elements.getPackageOf(owner).getQualifiedName(), "it references another entity, which must be read"
                            + " through a getter so that Hibernate's lazy proxies load; add "
                            + "get" + AccessorResolver.capitalize(readable.property()) + "()");
            return Optional.empty();
        }
        String jsonName = path.substring(path.lastIndexOf('.') + 1);
        return Optional.of(new MappedValue(jsonName, path, readable.property(), readable.accessor(), valueKind,
                readable.type().getKind().isPrimitive(), valueKind == ValueKind.LOCAL_DATE_TIME ? zone : "",
                delegate(classified.get()), classified.get().referenced(), classified.get().enumValues()));
    }

    private ClassName delegate(ValueClassifier.Classified classified) {
        return classified.referenced() == null ? null : SerializerNames.of(elements, classified.referenced());
    }

    /** The field at a path, unless it is unknown or written by the serializer itself. */
    private static Optional<FieldSpec> resolvePath(TargetKind kind, String path) {
        if (kind.isRecord() && OmetriaSchema.isWrittenBySerializer(kind.recordType(), path)) {
            return Optional.empty();
        }
        if (OmetriaSchema.isHeader(path)) {
            return Optional.empty();
        }
        return kind.spec().resolve(path);
    }

    private static String unknownFieldHint(TargetKind kind, String path) {
        ObjectSpec spec = kind.spec();
        if (path.equals(OmetriaSchema.TYPE)) {
            return "The generated serializer writes @type itself; remove this mapping.";
        }
        if (path.equals(OmetriaSchema.COLLECTION)) {
            return kind == TargetKind.CONTACT
                    ? "Set the collection with @OmetriaContact(collection = \"…\"); remove this mapping."
                    : "Only contacts have a collection; remove this mapping.";
        }
        if (path.equals("event_type") && kind == TargetKind.CUSTOM_EVENT) {
            return "The event type comes from @OmetriaCustomEvent(eventType = \"…\"); remove this mapping.";
        }
        if (path.startsWith(OmetriaSchema.PROPERTIES + ".") && spec.field(OmetriaSchema.PROPERTIES).isPresent()) {
            return "Map a custom value with @OmetriaProperty(\"" + path.substring(OmetriaSchema.PROPERTIES.length() + 1)
                    + "\") instead.";
        }
        List<String> candidates = new ArrayList<>();
        for (String candidate : spec.allPaths()) {
            if (resolvePath(kind, candidate).isPresent()) {
                candidates.add(candidate);
            }
        }
        String noId = !kind.isRecord() && path.equals(OmetriaSchema.ID) && !candidates.contains(OmetriaSchema.ID)
                ? "A " + spec.name() + " has no id of its own. " : "";
        return noId + Suggestions.closest(path, candidates)
                .map(suggestion -> "Did you mean '" + suggestion + "'?")
                .orElse("Known fields: " + String.join(", ", candidates) + ".");
    }

    private static boolean validZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
