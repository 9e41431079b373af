package dev.ometriasync.processor.internal;

import dev.ometriasync.schema.FieldFormat;
import dev.ometriasync.schema.FieldSpec;
import dev.ometriasync.schema.JsonType;
import dev.ometriasync.schema.NestedKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The type rules: which Java types may feed which JSON type, and how each is written.
 * Reports a mismatch, a missing zone, or a nested type without its annotation.
 */
final class ValueClassifier {

    private static final String[] TIMESTAMP_TYPES =
            {"java.time.Instant", "java.time.OffsetDateTime", "java.time.ZonedDateTime"};
    private static final String LOCAL_DATE_TIME = "java.time.LocalDateTime";
    private static final String OMETRIA_VALUE = AnnotationMirrors.PACKAGE + "OmetriaValue";

    /**
     * How a member is written.
     *
     * @param kind the value kind
     * @param referenced the referenced annotated type, for customer, product and nested kinds
     * @param enumValues for an enum whose constants are written as other strings ({@code @OmetriaValue}):
     *     each constant's name and value, in declaration order; empty when every constant writes its name
     */
    record Classified(ValueKind kind, TypeElement referenced, Map<String, String> enumValues) {
        Classified(ValueKind kind, TypeElement referenced) {
            this(kind, referenced, Map.of());
        }

        static Classified of(ValueKind kind) {
            return new Classified(kind, null);
        }
    }

    /**
     * Where a classification is reported.
     *
     * @param member the member
     * @param mirror its mapping annotation
     * @param value the annotation's name value
     * @param path the target path, for messages
     */
    record Site(Element member, AnnotationMirror mirror, AnnotationValue value, String path) {
    }

    private final Elements elements;
    private final JavaTypes javaTypes;
    private final DiagnosticReporter reporter;

    ValueClassifier(Elements elements, JavaTypes javaTypes, DiagnosticReporter reporter) {
        this.elements = elements;
        this.javaTypes = javaTypes;
        this.reporter = reporter;
    }

    Optional<Classified> classifyField(Site site, TypeMirror type, FieldSpec field, boolean hasZone) {
        Classified classified = switch (field.type()) {
            case STRING -> string(site, type, field);
            case TIMESTAMP -> timestamp(site, type, hasZone);
            case DATE -> javaTypes.is(type, "java.time.LocalDate") ? Classified.of(ValueKind.DATE) : null;
            case NUMBER -> number(type);
            case BOOLEAN -> javaTypes.isBoolean(type) ? Classified.of(ValueKind.BOOLEAN) : null;
            case STRING_ARRAY -> stringArray(type);
            case FREE_OBJECT -> javaTypes.isStringKeyedMap(type) ? Classified.of(ValueKind.FREE_OBJECT) : null;
            case OBJECT, OBJECT_ARRAY -> nested(site, type, field);
        };
        if (classified == null && !reportedNestedProblem(site, type, field)) {
            mismatch(site, type, describe(field), accepted(field));
        }
        return Optional.ofNullable(classified).filter(c -> c.kind() != null);
    }

    Optional<Classified> classifyProperty(Site site, TypeMirror type) {
        Classified classified = scalar(type);
        if (classified == null) {
            if (javaTypes.isSubtype(type, "java.util.Currency")) {
                classified = Classified.of(ValueKind.CURRENCY_CODE);
            } else if (javaTypes.is(type, "java.util.Locale")) {
                classified = Classified.of(ValueKind.LOCALE_TAG);
            } else if (javaTypes.isAny(type, TIMESTAMP_TYPES) || javaTypes.isSubtype(type, "java.util.Date")) {
                classified = Classified.of(ValueKind.TIMESTAMP);
            } else if (javaTypes.is(type, "java.time.LocalDate")) {
                classified = Classified.of(ValueKind.DATE);
            } else if (javaTypes.isStringKeyedMap(type)) {
                classified = Classified.of(ValueKind.FREE_OBJECT);
            } else {
                classified = stringArray(type);
            }
        }
        if (classified != null && classified.kind() == ValueKind.ENUM) {
            classified = freeTextEnum(type);
        }
        if (classified == null) {
            String accepted = javaTypes.is(type, LOCAL_DATE_TIME)
                    ? "Instant, OffsetDateTime or ZonedDateTime: a LocalDateTime has no offset"
                    : "a String, enum, UUID, number, boolean, Currency, Locale, Instant, OffsetDateTime, ZonedDateTime,"
                    + " java.util.Date, LocalDate, a collection of strings or enums, or a Map<String, ?>";
            mismatch(site, type, "a custom property", accepted);
        }
        return Optional.ofNullable(classified);
    }

    private Classified string(Site site, TypeMirror type, FieldSpec field) {
        FieldFormat format = field.format();
        if (format == FieldFormat.CURRENCY && javaTypes.isSubtype(type, "java.util.Currency")) {
            return Classified.of(ValueKind.CURRENCY_CODE);
        }
        if (format == FieldFormat.COUNTRY && javaTypes.is(type, "java.util.Locale")) {
            return Classified.of(ValueKind.LOCALE_COUNTRY);
        }
        if (field.hasFixedValues() && javaTypes.isEnum(type)) {
            return constrainedEnum(site, javaTypes.typeElement(type), field);
        }
        if (field.hasFixedValues() || format == FieldFormat.CURRENCY || format == FieldFormat.COUNTRY) {
            return text(type);
        }
        if (field.isId() && javaTypes.isIntegral(type)) {
            return Classified.of(ValueKind.INTEGRAL_STRING);
        }
        if (field.isId() && javaTypes.is(type, "java.math.BigInteger")) {
            return Classified.of(ValueKind.TO_STRING);
        }
        if (field.nestedKind() == NestedKind.PRODUCT_REFERENCE && annotated(type, TargetKind.PRODUCT)) {
            return new Classified(ValueKind.PRODUCT_ID, javaTypes.typeElement(type));
        }
        if (javaTypes.isEnum(type)) {
            return freeTextEnum(type);
        }
        if (javaTypes.is(type, "java.util.UUID")) {
            return Classified.of(ValueKind.TO_STRING);
        }
        return text(type);
    }

    /**
     * An enum for a field with a fixed set of values: each constant must map to one of them, by its name or
     * its {@code @OmetriaValue}; each one that does not is reported on the constant (MapStruct reports an
     * unmapped constant of a {@code @ValueMapping} the same way), and the member is then not classified.
     */
    private Classified constrainedEnum(Site site, TypeElement enumType, FieldSpec field) {
        Map<String, String> values = constantValues(enumType);
        boolean allAllowed = true;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (field.allowedValues().contains(entry.getValue())) {
                continue;
            }
            allAllowed = false;
            Element constant = constant(enumType, entry.getKey());
            Optional<AnnotationMirror> mapping = AnnotationMirrors.find(constant, OMETRIA_VALUE);
            String allowed = String.join(", ", field.allowedValues());
            String hint = Suggestions.closest(entry.getValue(), field.allowedValues())
                    .map(closest -> "Did you mean \"" + closest + "\"? ").orElse("");
            String fix = mapping.isPresent() ? "Change the value to one of them."
                    : "Rename the constant, or annotate it @OmetriaValue(\"…\") with one of them.";
            reporter.report(OmetriaDiagnostic.ENUM_VALUE_NOT_ALLOWED, constant, mapping.orElse(null),
                    mapping.map(m -> AnnotationMirrors.explicitValue(m, "value")).orElse(null),
                    enumType.getSimpleName() + "." + entry.getKey(), entry.getValue(), site.path(),
                    AccessorResolver.describe(site.member()), allowed, hint + fix);
        }
        if (!allAllowed) {
            return new Classified(null, null);
        }
        return new Classified(ValueKind.ENUM, null, renamed(values));
    }

    /** Any enum for free text or a custom property: its names, or its {@code @OmetriaValue}s where given. */
    private Classified freeTextEnum(TypeMirror type) {
        return new Classified(ValueKind.ENUM, null, renamed(constantValues(javaTypes.typeElement(type))));
    }

    /** Each constant's name and the string it is written as, in declaration order. */
    private Map<String, String> constantValues(TypeElement enumType) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Element element : enumType.getEnclosedElements()) {
            if (element.getKind() == ElementKind.ENUM_CONSTANT) {
                String name = element.getSimpleName().toString();
                values.put(name, AnnotationMirrors.find(element, OMETRIA_VALUE)
                        .map(mapping -> AnnotationMirrors.stringValue(elements, mapping, "value")).orElse(name));
            }
        }
        return values;
    }

    /** The values, when at least one differs from its constant's name; else empty, so that {@code name()} is written. */
    private static Map<String, String> renamed(Map<String, String> values) {
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (!entry.getKey().equals(entry.getValue())) {
                return values;
            }
        }
        return Map.of();
    }

    private static Element constant(TypeElement enumType, String name) {
        for (Element element : enumType.getEnclosedElements()) {
            if (element.getKind() == ElementKind.ENUM_CONSTANT && element.getSimpleName().contentEquals(name)) {
                return element;
            }
        }
        throw new IllegalStateException("no constant " + name + " in " + enumType);
    }

    private Classified text(TypeMirror type) {
        if (javaTypes.is(type, "java.lang.String")) {
            return Classified.of(ValueKind.STRING);
        }
        return javaTypes.isSubtype(type, "java.lang.CharSequence") ? Classified.of(ValueKind.CHAR_SEQUENCE) : null;
    }

    /** A value that is valid both as a custom property and as a plain field. */
    private Classified scalar(TypeMirror type) {
        Classified text = text(type);
        if (text != null) {
            return text;
        }
        if (javaTypes.isEnum(type)) {
            return Classified.of(ValueKind.ENUM);
        }
        if (javaTypes.is(type, "java.util.UUID")) {
            return Classified.of(ValueKind.TO_STRING);
        }
        if (javaTypes.isBoolean(type)) {
            return Classified.of(ValueKind.BOOLEAN);
        }
        return number(type);
    }

    private Classified timestamp(Site site, TypeMirror type, boolean hasZone) {
        if (javaTypes.isAny(type, TIMESTAMP_TYPES) || javaTypes.isSubtype(type, "java.util.Date")) {
            return Classified.of(ValueKind.TIMESTAMP);
        }
        if (javaTypes.is(type, LOCAL_DATE_TIME)) {
            if (hasZone) {
                return Classified.of(ValueKind.LOCAL_DATE_TIME);
            }
            reporter.report(OmetriaDiagnostic.ZONE_REQUIRED, site.member(), site.mirror(), site.value(),
                    AccessorResolver.describe(site.member()), site.path(), site.path());
            return new Classified(null, null);
        }
        return null;
    }

    private Classified number(TypeMirror type) {
        if (javaTypes.is(type, "java.math.BigDecimal")) {
            return Classified.of(ValueKind.BIG_DECIMAL);
        }
        if (javaTypes.is(type, "java.math.BigInteger")) {
            return Classified.of(ValueKind.BIG_INTEGER);
        }
        if (javaTypes.isIntegral(type)) {
            return Classified.of(ValueKind.INTEGRAL_NUMBER);
        }
        return javaTypes.isFloating(type) ? Classified.of(ValueKind.FLOATING_NUMBER) : null;
    }

    private Classified stringArray(TypeMirror type) {
        TypeMirror element = javaTypes.elementType(type);
        if (element == null || !javaTypes.isStringLike(element)) {
            return null;
        }
        // Enum elements are written like single enum values: by name, or by their @OmetriaValue.
        return javaTypes.isEnum(element)
                ? new Classified(ValueKind.STRING_ARRAY, null, renamed(constantValues(javaTypes.typeElement(element))))
                : Classified.of(ValueKind.STRING_ARRAY);
    }

    private Classified nested(Site site, TypeMirror type, FieldSpec field) {
        if (field.nestedKind() == NestedKind.NONE) {
            return null;
        }
        TargetKind required = TargetKind.supplying(field.nestedKind());
        TypeMirror candidate = field.type() == JsonType.OBJECT_ARRAY
                ? javaTypes.elementType(type) : type;
        if (candidate == null || !annotated(candidate, required)) {
            return null;
        }
        ValueKind kind = switch (field.type()) {
            case OBJECT_ARRAY -> ValueKind.NESTED_ARRAY;
            default -> required == TargetKind.CONTACT ? ValueKind.CUSTOMER : ValueKind.NESTED_OBJECT;
        };
        return new Classified(kind, javaTypes.typeElement(candidate));
    }

    /**
     * Reports a nested field whose Java type is one of the user's own classes that lacks the annotation,
     * which is more helpful than a type mismatch.
     */
    private boolean reportedNestedProblem(Site site, TypeMirror type, FieldSpec field) {
        if (field.nestedKind() == NestedKind.NONE) {
            return false;
        }
        TypeMirror candidate = field.type() == JsonType.OBJECT_ARRAY
                ? javaTypes.elementType(type) : type;
        TypeElement element = candidate == null ? null : javaTypes.typeElement(candidate);
        if (element == null || isPlatformType(element)) {
            return false;
        }
        TargetKind required = TargetKind.supplying(field.nestedKind());
        reporter.report(OmetriaDiagnostic.NESTED_TYPE_NOT_ANNOTATED, site.member(), site.mirror(), site.value(),
                AccessorResolver.describe(site.member()), site.path(), element.getQualifiedName(), required.simpleName());
        return true;
    }

    private boolean isPlatformType(TypeElement element) {
        String name = elements.getPackageOf(element).getQualifiedName().toString();
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jakarta.");
    }

    private boolean annotated(TypeMirror type, TargetKind kind) {
        TypeElement element = javaTypes.typeElement(type);
        return element != null && AnnotationMirrors.has(element, kind.annotationName());
    }

    private void mismatch(Site site, TypeMirror type, String what, String accepted) {
        reporter.report(OmetriaDiagnostic.TYPE_MISMATCH, site.member(), site.mirror(), site.value(),
                AccessorResolver.describe(site.member()), type.toString(),
                site.path(), what, accepted);
    }

    private static String describe(FieldSpec field) {
        return switch (field.type()) {
            case STRING -> field.isId() ? "a string id" : "a JSON string";
            case TIMESTAMP -> "an ISO-8601 timestamp with offset";
            case DATE -> "a date (YYYY-MM-DD)";
            case NUMBER -> "a JSON number";
            case BOOLEAN -> "a JSON boolean";
            case STRING_ARRAY -> "an array of strings";
            case FREE_OBJECT -> "an object of custom values";
            case OBJECT -> "an object";
            case OBJECT_ARRAY -> "an array of objects";
        };
    }

    private static String accepted(FieldSpec field) {
        if (field.hasFixedValues() && field.format() != FieldFormat.MARKETING_OPTIN) {
            return "String, or an enum whose constants are " + String.join(", ", field.allowedValues())
                    + " (by name or @OmetriaValue)";
        }
        return switch (field.format()) {
            case CURRENCY -> "java.util.Currency or String";
            case COUNTRY -> "String or java.util.Locale";
            case MARKETING_OPTIN -> "dev.ometriasync.annotation.MarketingOptin, String, or an enum whose constants"
                    + " are " + String.join(", ", field.allowedValues()) + " (by name or @OmetriaValue)";
            case ID -> field.nestedKind() == NestedKind.PRODUCT_REFERENCE
                    ? "String, UUID, an integral number, or an @OmetriaProduct class"
                    : "String, UUID or an integral number (Long, Integer, …)";
            default -> switch (field.type()) {
                case STRING -> "String, CharSequence, an enum or UUID";
                case TIMESTAMP -> "Instant, OffsetDateTime, ZonedDateTime, java.util.Date, or LocalDateTime with zone";
                case DATE -> "java.time.LocalDate";
                case NUMBER -> "BigDecimal, BigInteger, or a primitive or boxed number";
                case BOOLEAN -> "boolean or Boolean";
                case STRING_ARRAY -> "a Collection<String>, a collection of an enum, or String[]";
                case FREE_OBJECT -> "Map<String, ?>, or map single values with @OmetriaProperty";
                case OBJECT -> field.nestedKind() == NestedKind.NONE
                        ? "dotted paths to map its fields one by one, such as @OmetriaField(\"" + field.name()
                        + "." + field.nested().fields().get(0).name() + "\")"
                        : "a class annotated @" + TargetKind.supplying(field.nestedKind()).simpleName();
                case OBJECT_ARRAY -> "a List, Set or array of a class annotated @"
                        + TargetKind.supplying(field.nestedKind()).simpleName();
            };
        };
    }
}
