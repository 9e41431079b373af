package dev.ometriasync.processor.internal;

import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * Predicts the getter Lombok generates for a field, from Lombok's annotations read by name: when our
 * processor runs before Lombok in a round, the getters do not exist in the element model yet, and the
 * generated code (compiled after every processor ran) will find them. Covers {@code @Getter} on the
 * field or class, {@code @Data}, {@code @Value} and {@code @Accessors(fluent = true)}; settings in
 * {@code lombok.config} cannot be seen from here.
 */
final class LombokGetters {

    private static final String LOMBOK = "lombok.";

    /**
     * A getter Lombok will generate.
     *
     * @param name its method name
     * @param level its Lombok {@code AccessLevel}
     */
    record Getter(String name, String level) {
        boolean accessible(boolean samePackage) {
            return switch (level) {
                case "PUBLIC" -> true;
                case "PROTECTED", "PACKAGE", "MODULE" -> samePackage;
                default -> false;
            };
        }
    }

    Optional<Getter> getterFor(VariableElement field) {
        if (field.getModifiers().contains(Modifier.STATIC)) {
            return Optional.empty();
        }
        Element declaring = field.getEnclosingElement();
        String level = accessLevel(field);
        if (level == null) {
            level = accessLevel(declaring);
        }
        if (level == null && (AnnotationMirrors.has(declaring, LOMBOK + "Data")
                || AnnotationMirrors.has(declaring, LOMBOK + "Value"))) {
            level = "PUBLIC";
        }
        if (level == null || level.equals("NONE")) {
            return Optional.empty();
        }
        return Optional.of(new Getter(name(field, declaring), level));
    }

    /** The level of a {@code @Getter} on the element: its value, PUBLIC by default; null without one. */
    private static String accessLevel(Element element) {
        Optional<AnnotationMirror> getter = AnnotationMirrors.find(element, LOMBOK + "Getter");
        if (getter.isEmpty()) {
            return null;
        }
        String level = AnnotationMirrors.enumConstant(getter.get(), "value");
        return level == null ? "PUBLIC" : level;
    }

    private static String name(VariableElement field, Element declaring) {
        String name = field.getSimpleName().toString();
        if (fluent(field) || fluent(declaring)) {
            return name;
        }
        if (field.asType().getKind() == TypeKind.BOOLEAN) {
            boolean alreadyPrefixed = name.length() > 2 && name.startsWith("is") && Character.isUpperCase(name.charAt(2));
            return alreadyPrefixed ? name : "is" + AccessorResolver.capitalize(name);
        }
        return "get" + AccessorResolver.capitalize(name);
    }

    private static boolean fluent(Element element) {
        return AnnotationMirrors.find(element, LOMBOK + "experimental.Accessors")
                .map(mirror -> AnnotationMirrors.explicitValue(mirror, "fluent"))
                .map(value -> Boolean.TRUE.equals(value.getValue()))
                .orElse(false);
    }
}
