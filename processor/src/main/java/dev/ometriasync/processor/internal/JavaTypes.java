package dev.ometriasync.processor.internal;

import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
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
        if (type.getKind() != TypeKind.DECLARED || !isSubtype(type, "java.lang.Iterable")) {
            return null;
        }
        TypeMirror iterable = findSupertype(types.capture(type), "java.lang.Iterable");
        if (iterable == null) {
            return null;
        }
        List<? extends TypeMirror> arguments = ((DeclaredType) iterable).getTypeArguments();
        return arguments.isEmpty() ? null : upperBound(arguments.get(0));
    }

    /** Whether the type is a {@code Map} whose keys are strings. */
    boolean isStringKeyedMap(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED || !isSubtype(type, "java.util.Map")) {
            return false;
        }
        TypeMirror map = findSupertype(types.capture(type), "java.util.Map");
        if (map == null) {
            return false;
        }
        List<? extends TypeMirror> arguments = ((DeclaredType) map).getTypeArguments();
        return !arguments.isEmpty() && is(upperBound(arguments.get(0)), "java.lang.String");
    }

    private TypeMirror findSupertype(TypeMirror type, String qualifiedName) {
        if (is(type, qualifiedName)) {
            return type;
        }
        for (TypeMirror supertype : types.directSupertypes(type)) {
            TypeMirror found = findSupertype(supertype, qualifiedName);
            if (found != null) {
                return found;
            }
        }
        return null;
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
