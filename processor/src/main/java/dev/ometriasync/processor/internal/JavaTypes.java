package dev.ometriasync.processor.internal;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Questions about Java types that the type rules ask, answered through the element model. */
final class JavaTypes {

    private final Elements elements;
    private final Types types;

    JavaTypes(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /** Whether the type is exactly the named class (boxes included by name). */
    boolean is(TypeMirror type, String qualifiedName) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
    }

    boolean isAny(TypeMirror type, String... qualifiedNames) {
        for (String name : qualifiedNames) {
            if (is(type, name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the type is the named class or a subtype of it. */
    boolean isSubtype(TypeMirror type, String qualifiedName) {
        TypeElement element = elements.getTypeElement(qualifiedName);
        return element != null && type.getKind() == TypeKind.DECLARED
                && types.isAssignable(types.erasure(type), types.erasure(element.asType()));
    }

    boolean isEnum(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement().getKind() == ElementKind.ENUM;
    }

    boolean isIntegral(TypeMirror type) {
        return switch (type.getKind()) {
            case BYTE, SHORT, INT, LONG -> true;
            default -> isAny(type, "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long");
        };
    }

    boolean isFloating(TypeMirror type) {
        return switch (type.getKind()) {
            case FLOAT, DOUBLE -> true;
            default -> isAny(type, "java.lang.Float", "java.lang.Double");
        };
    }

    boolean isBoolean(TypeMirror type) {
        return type.getKind() == TypeKind.BOOLEAN || is(type, "java.lang.Boolean");
    }

    /** Strings, other character sequences and enum constants: what a string array may hold. */
    boolean isStringLike(TypeMirror type) {
        return isSubtype(type, "java.lang.CharSequence") || isEnum(type);
    }

    /** The element type of an array or {@code Iterable}, or null for anything else (and for raw iterables). */
    TypeMirror elementType(TypeMirror type) {
        if (type.getKind() == TypeKind.ARRAY) {
            return ((ArrayType) type).getComponentType();
        }
        List<TypeMirror> arguments = supertypeArguments(type, "java.lang.Iterable");
        return arguments == null || arguments.isEmpty() ? null : upperBound(arguments.get(0));
    }

    /** Whether the type is a {@code Map} whose keys are strings. */
    boolean isStringKeyedMap(TypeMirror type) {
        List<TypeMirror> arguments = supertypeArguments(type, "java.util.Map");
        return arguments != null && !arguments.isEmpty() && is(upperBound(arguments.get(0)), "java.lang.String");
    }

    /**
     * The type arguments that {@code type} gives to its supertype {@code qualifiedName}, such as
     * {@code [String]} for {@code Iterable} of an {@code ArrayList<String>}; null when the type is not a
     * subtype of it; empty when a raw type stands in the way.
     *
     * <p>Worked out from the declared supertypes of each class and a substitution of its type parameters, not
     * with {@code Types.capture} or {@code Types.directSupertypes} on a parameterized type: Eclipse's compiler
     * does not implement {@code capture} ("NYI: TypesImpl.capture"), and this way both compilers answer alike.
     */
    private List<TypeMirror> supertypeArguments(TypeMirror type, String qualifiedName) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        if (element.getQualifiedName().contentEquals(qualifiedName)) {
            return List.copyOf(declared.getTypeArguments());
        }
        List<? extends TypeParameterElement> parameters = element.getTypeParameters();
        List<? extends TypeMirror> actuals = declared.getTypeArguments();
        boolean raw = !parameters.isEmpty() && actuals.size() != parameters.size();
        List<TypeMirror> supertypes = new ArrayList<>(element.getInterfaces());
        supertypes.add(element.getSuperclass());
        for (TypeMirror supertype : supertypes) {
            List<TypeMirror> found = supertypeArguments(supertype, qualifiedName);
            if (found == null) {
                continue;
            }
            if (raw) {
                return List.of();
            }
            List<TypeMirror> substituted = new ArrayList<>(found.size());
            for (TypeMirror argument : found) {
                substituted.add(substitute(argument, parameters, actuals));
            }
            return substituted;
        }
        return null;
    }

    /** Replaces a type variable of the declaring class by the actual argument; other types stay as they are. */
    private static TypeMirror substitute(TypeMirror argument, List<? extends TypeParameterElement> parameters,
                                         List<? extends TypeMirror> actuals) {
        if (argument.getKind() != TypeKind.TYPEVAR) {
            return argument;
        }
        Name name = ((TypeVariable) argument).asElement().getSimpleName();
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).getSimpleName().contentEquals(name)) {
                return actuals.get(i);
            }
        }
        return argument;
    }

    TypeMirror upperBound(TypeMirror type) {
        if (type instanceof WildcardType wildcard) {
            return wildcard.getExtendsBound() == null
                    ? elements.getTypeElement("java.lang.Object").asType() : upperBound(wildcard.getExtendsBound());
        }
        if (type instanceof TypeVariable variable) {
            return upperBound(variable.getUpperBound());
        }
        return type;
    }

    /** The class of a declared type, or null. */
    TypeElement typeElement(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) type).asElement() : null;
    }
}
