package dev.ometriasync.processor.internal;

import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Decides how generated code in the entity's package reads a mapped member: through a getter when one
 * exists (JavaBeans, record or fluent style, or one Lombok will generate), otherwise from the field.
 * Reports members it cannot read and annotated methods that are not getters.
 */
final class AccessorResolver {

    /**
     * A readable member.
     *
     * @param property the Java attribute name
     * @param accessor how to read it
     * @param type its type as seen from the annotated class (type variables of superclasses resolved)
     */
    record ResolvedMember(String property, Accessor accessor, TypeMirror type) {
    }

    private final Elements elements;
    private final Types types;
    private final DiagnosticReporter reporter;
    private final LombokGetters lombok;

    AccessorResolver(Elements elements, Types types, DiagnosticReporter reporter) {
        this.elements = elements;
        this.types = types;
        this.reporter = reporter;
        this.lombok = new LombokGetters();
    }

    /**
     * Resolves a member, or reports why it cannot be read.
     *
     * @param owner the annotated class the serializer is generated for
     * @param member the annotated field or method
     * @param mirror the mapping annotation, for the report
     * @return the readable member, or empty after an error was reported
     */
    Optional<ResolvedMember> resolve(TypeElement owner, Element member, AnnotationMirror mirror) {
        DeclaredType ownerType = (DeclaredType) owner.asType();
        PackageElement target = elements.getPackageOf(owner);
        if (member instanceof VariableElement field) {
            return resolveField(owner, ownerType, target, field, mirror);
        }
        return resolveMethod(owner, ownerType, target, (ExecutableElement) member, mirror);
    }

    private Optional<ResolvedMember> resolveField(TypeElement owner, DeclaredType ownerType, PackageElement target,
                                                  VariableElement field, AnnotationMirror mirror) {
        String name = field.getSimpleName().toString();
        if (field.getModifiers().contains(Modifier.STATIC)) {
            return unreadable(field, mirror, target, "it is static; map an instance field or getter");
        }
        TypeMirror fieldType = types.asMemberOf(ownerType, field);
        Optional<ExecutableElement> getter = findGetter(owner, name, fieldType);
        if (getter.isPresent()) {
            ExecutableElement method = getter.get();
            if (accessible(method, target)) {
                return Optional.of(new ResolvedMember(name, new Accessor(method.getSimpleName().toString(), true,
                        elements.isDeprecated(method)), returnType(ownerType, method)));
            }
            return unreadable(field, mirror, target, "its getter " + method.getSimpleName() + "() is "
                    + access(method) + " in another package; make the getter public");
        }
        Optional<LombokGetters.Getter> generated = lombok.getterFor(field);
        if (generated.isPresent()) {
            LombokGetters.Getter lombokGetter = generated.get();
            if (lombokGetter.accessible(elements.getPackageOf(field).equals(target))) {
                return Optional.of(new ResolvedMember(name, new Accessor(lombokGetter.name(), true,
                        elements.isDeprecated(field)), fieldType));
            }
            return unreadable(field, mirror, target, "Lombok generates its getter with access level "
                    + lombokGetter.level() + "; use AccessLevel.PUBLIC");
        }
        if (accessible(field, target)) {
            return Optional.of(new ResolvedMember(name, new Accessor(name, false, elements.isDeprecated(field)),
                    fieldType));
        }
        return unreadable(field, mirror, target, "field '" + name + "' is " + access(field)
                + (field.getModifiers().contains(Modifier.PRIVATE) ? "" : " in another package")
                + " and has no getter; add " + getterName(name, fieldType) + "() (or Lombok @Getter)");
    }

    private Optional<ResolvedMember> resolveMethod(TypeElement owner, DeclaredType ownerType, PackageElement target,
                                                   ExecutableElement method, AnnotationMirror mirror) {
        String problem = null;
        if (method.getModifiers().contains(Modifier.STATIC)) {
            problem = "it is static";
        } else if (!method.getParameters().isEmpty()) {
            problem = "it takes parameters";
        } else if (method.getReturnType().getKind() == TypeKind.VOID) {
            problem = "it returns void";
        }
        String property = problem == null ? propertyName(owner, method) : null;
        if (problem == null && property == null) {
            problem = "'" + method.getSimpleName() + "' names no property of " + owner.getSimpleName()
                    + ", so a change to it could never be detected";
        }
        if (problem != null) {
            reporter.report(OmetriaDiagnostic.NOT_A_GETTER, method, mirror, null, describe(method), problem);
            return Optional.empty();
        }
        if (!accessible(method, target)) {
            return unreadable(method, mirror, target, "it is " + access(method)
                    + (method.getModifiers().contains(Modifier.PRIVATE) ? "" : " in another package")
                    + "; make it public");
        }
        return Optional.of(new ResolvedMember(property, new Accessor(method.getSimpleName().toString(), true,
                elements.isDeprecated(method)), returnType(ownerType, method)));
    }

    /** The property a getter reads: JavaBeans {@code getX}/{@code isX}, or a field of the same name. */
    private String propertyName(TypeElement owner, ExecutableElement method) {
        String name = method.getSimpleName().toString();
        if (hasField(owner, name)) {
            return name;
        }
        for (String prefix : new String[] {"get", "is"}) {
            if (name.length() > prefix.length() && name.startsWith(prefix)
                    && Character.isUpperCase(name.charAt(prefix.length()))) {
                if (prefix.equals("is") && !isBoolean(method.getReturnType())) {
                    return null;
                }
                return decapitalize(name.substring(prefix.length()));
            }
        }
        return null;
    }

    private boolean hasField(TypeElement owner, String name) {
        for (VariableElement field : ElementFilter.fieldsIn(elements.getAllMembers(owner))) {
            if (field.getSimpleName().contentEquals(name) && !field.getModifiers().contains(Modifier.STATIC)) {
                return true;
            }
        }
        return false;
    }

    private Optional<ExecutableElement> findGetter(TypeElement owner, String fieldName, TypeMirror fieldType) {
        Set<String> names = isBoolean(fieldType)
                ? Set.of("get" + capitalize(fieldName), "is" + capitalize(fieldName), fieldName)
                : Set.of("get" + capitalize(fieldName), fieldName);
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(owner))) {
            if (names.contains(method.getSimpleName().toString()) && method.getParameters().isEmpty()
                    && method.getReturnType().getKind() != TypeKind.VOID
                    && !method.getModifiers().contains(Modifier.STATIC)
                    && !method.getEnclosingElement().toString().equals("java.lang.Object")) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }

    private TypeMirror returnType(DeclaredType ownerType, ExecutableElement method) {
        return ((ExecutableType) types.asMemberOf(ownerType, method)).getReturnType();
    }

    private Optional<ResolvedMember> unreadable(Element member, AnnotationMirror mirror, PackageElement target,
                                                String reason) {
        reporter.report(OmetriaDiagnostic.UNREADABLE_MEMBER, member, mirror, null, describe(member),
                target.getQualifiedName(), reason);
        return Optional.empty();
    }

    /** Whether code in the target package can use the member through the annotated type. */
    static boolean accessible(Element member, PackageElement target) {
        Set<Modifier> modifiers = member.getModifiers();
        if (modifiers.contains(Modifier.PUBLIC)) {
            return true;
        }
        if (modifiers.contains(Modifier.PRIVATE)) {
            return false;
        }
        Element declaring = member.getEnclosingElement();
        while (!(declaring instanceof PackageElement)) {
            declaring = declaring.getEnclosingElement();
        }
        return declaring.equals(target);
    }

    private static String access(Element member) {
        Set<Modifier> modifiers = member.getModifiers();
        if (modifiers.contains(Modifier.PRIVATE)) {
            return "private";
        }
        return modifiers.contains(Modifier.PROTECTED) ? "protected" : "package-private";
    }

    static String describe(Element member) {
        String owner = member.getEnclosingElement().getSimpleName().toString();
        if (member instanceof ExecutableElement) {
            return "method " + owner + "." + member.getSimpleName() + "()";
        }
        return "field " + owner + "." + member.getSimpleName();
    }

    private static boolean isBoolean(TypeMirror type) {
        return type.getKind() == TypeKind.BOOLEAN || type.toString().equals("java.lang.Boolean");
    }

    private static String getterName(String field, TypeMirror type) {
        return (type.getKind() == TypeKind.BOOLEAN ? "is" : "get") + capitalize(field);
    }

    static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** JavaBeans decapitalization: {@code Email} → {@code email}, {@code URL} stays {@code URL}. */
    static String decapitalize(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isUpperCase(name.charAt(1))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
