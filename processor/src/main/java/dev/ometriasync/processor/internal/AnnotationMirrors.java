package dev.ometriasync.processor.internal;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads annotations through mirrors and by name, never through {@code getAnnotation(Class)}: that works
 * for types the processor does not have on its own class path (JPA, Lombok) and gives the exact
 * annotation and value to report on.
 */
final class AnnotationMirrors {

    /** The annotations package of ometria-sync. */
    static final String PACKAGE = "dev.ometriasync.annotation.";
    static final String FIELD = PACKAGE + "OmetriaField";
    static final String PROPERTY = PACKAGE + "OmetriaProperty";

    private AnnotationMirrors() {
    }

    static Optional<AnnotationMirror> find(Element element, String annotationName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (name(mirror).equals(annotationName)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    static boolean has(Element element, String annotationName) {
        return find(element, annotationName).isPresent();
    }

    static String name(AnnotationMirror mirror) {
        return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    }

    static String simpleName(AnnotationMirror mirror) {
        return mirror.getAnnotationType().asElement().getSimpleName().toString();
    }

    /** The value as written in source, or null when the attribute was left to its default. */
    static AnnotationValue explicitValue(AnnotationMirror mirror, String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(attribute)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The value including defaults. */
    static AnnotationValue value(Elements elements, AnnotationMirror mirror, String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : elements.getElementValuesWithDefaults(mirror).entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(attribute)) {
                return entry.getValue();
            }
        }
        return null;
    }

    static String stringValue(Elements elements, AnnotationMirror mirror, String attribute) {
        AnnotationValue value = value(elements, mirror, attribute);
        return value == null || !(value.getValue() instanceof String text) ? "" : text;
    }

    /** The name of an enum constant value (for Lombok's {@code AccessLevel}), or null. */
    static String enumConstant(AnnotationMirror mirror, String attribute) {
        AnnotationValue value = explicitValue(mirror, attribute);
        if (value != null && value.getValue() instanceof Element constant) {
            return constant.getSimpleName().toString();
        }
        return null;
    }
}
