package dev.ometriasync.processor.internal;

import dev.ometriasync.schema.OmetriaSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The type-level rules: exactly one Ometria annotation per class, only on classes and records that
 * generated code can reach, and a valid custom event type.
 */
public final class TargetChecks {

    /**
     * A checked type-level annotation.
     *
     * @param kind what the type maps to
     * @param annotation the annotation, to report on
     */
    public record Target(TargetKind kind, AnnotationMirror annotation) {
    }

    private final Elements elements;
    private final DiagnosticReporter reporter;

    /**
     * Creates the checks.
     *
     * @param elements javac's element utilities
     * @param reporter where problems go
     */
    public TargetChecks(Elements elements, DiagnosticReporter reporter) {
        this.elements = elements;
        this.reporter = reporter;
    }

    /**
     * The Ometria type-level annotations on a type, in source order.
     *
     * @param type any type
     * @return the annotations found, possibly none
     */
    public static List<Target> annotationsOn(TypeElement type) {
        List<Target> found = new ArrayList<>();
        for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
            TargetKind.forAnnotation(AnnotationMirrors.name(mirror))
                    .ifPresent(kind -> found.add(new Target(kind, mirror)));
        }
        return found;
    }

    /**
     * Checks a type that carries at least one Ometria type-level annotation.
     *
     * @param type the type
     * @return its target, or empty after an error was reported
     */
    public Optional<Target> check(TypeElement type) {
        List<Target> found = annotationsOn(type);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Target target = found.get(0);
        if (found.size() > 1) {
            reporter.report(OmetriaDiagnostic.CONFLICTING_RECORD_ANNOTATIONS, type, found.get(1).annotation(), null,
                    type.getSimpleName(), target.kind().simpleName(), found.get(1).kind().simpleName());
            return Optional.empty();
        }
        return validTarget(type, target) && reachable(type, target) && validEventType(type, target)
                ? Optional.of(target) : Optional.empty();
    }

    private boolean validTarget(TypeElement type, Target target) {
        String problem = switch (type.getKind()) {
            case INTERFACE -> "interface " + type.getSimpleName();
            case ENUM -> "enum " + type.getSimpleName();
            case ANNOTATION_TYPE -> "annotation type " + type.getSimpleName();
            default -> null;
        };
        String fix = "annotate the class (or record) whose instances are saved, such as the JPA entity.";
        if (problem == null && !type.getTypeParameters().isEmpty()) {
            problem = "generic class " + type.getSimpleName();
            fix = "annotate a concrete subclass that fixes the type parameters, or move the mapped members to a"
                    + " superclass.";
        }
        if (problem == null) {
            return true;
        }
        reporter.report(OmetriaDiagnostic.INVALID_TARGET, type, target.annotation(), null, target.kind().simpleName(),
                problem, fix);
        return false;
    }

    private boolean reachable(TypeElement type, Target target) {
        for (Element current = type; current instanceof TypeElement; current = current.getEnclosingElement()) {
            String problem = null;
            String fix = null;
            if (current.getModifiers().contains(Modifier.PRIVATE)) {
                problem = current == type ? "private" : "inside private class " + current.getSimpleName();
                fix = "Make it package-private or public.";
            } else if (current.getKind() == ElementKind.CLASS && current.getEnclosingElement() instanceof TypeElement
                    && !current.getModifiers().contains(Modifier.STATIC)) {
                problem = current == type ? "a non-static inner class" : "inside inner class " + current.getSimpleName();
                fix = "Declare it static (JPA cannot create inner class instances either).";
            }
            if (problem != null) {
                reporter.report(OmetriaDiagnostic.UNREACHABLE_TYPE, type, target.annotation(), null,
                        type.getQualifiedName(), problem, fix);
                return false;
            }
        }
        return true;
    }

    private boolean validEventType(TypeElement type, Target target) {
        if (target.kind() != TargetKind.CUSTOM_EVENT) {
            return true;
        }
        String eventType = AnnotationMirrors.stringValue(elements, target.annotation(), "eventType");
        AnnotationValue value = AnnotationMirrors.explicitValue(target.annotation(), "eventType");
        if (eventType.isBlank()) {
            reporter.report(OmetriaDiagnostic.EMPTY_EVENT_TYPE, type, target.annotation(), value, type.getSimpleName());
            return false;
        }
        if (eventType.length() > OmetriaSchema.MAX_EVENT_TYPE_LENGTH) {
            reporter.report(OmetriaDiagnostic.EVENT_TYPE_TOO_LONG, type, target.annotation(), value, eventType,
                    eventType.length(), OmetriaSchema.MAX_EVENT_TYPE_LENGTH);
            return false;
        }
        return true;
    }
}
