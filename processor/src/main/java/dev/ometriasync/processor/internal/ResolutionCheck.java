package dev.ometriasync.processor.internal;

import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/**
 * Finds types that do not exist yet before anything about a type is checked: its superclasses and the
 * types of its mapped members. Another processor (Lombok, Hibernate's metamodel, a user's own) may
 * generate them in this round, so the type is retried in the next one.
 */
public final class ResolutionCheck {

    private final MemberCollector collector;

    /**
     * Creates the check.
     *
     * @param types javac's type utilities
     */
    public ResolutionCheck(Types types) {
        this.collector = new MemberCollector(types);
    }

    /**
     * Checks that everything the type's serializer needs exists.
     *
     * @param type the annotated type
     * @throws DeferTypeException naming the first missing type
     */
    public void requireResolved(TypeElement type) {
        for (MemberCollector.AnnotatedMember member : collector.collect(type)) {
            Element element = member.element();
            TypeMirror memberType = element instanceof ExecutableElement method ? method.getReturnType() : element.asType();
            check(element, memberType);
        }
    }

    private static void check(Element member, TypeMirror type) {
        if (type.getKind() == TypeKind.ERROR) {
            throw new DeferTypeException(member, type.toString());
        }
        if (type.getKind() == TypeKind.ARRAY) {
            check(member, ((ArrayType) type).getComponentType());
        } else if (type.getKind() == TypeKind.DECLARED) {
            for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
                if (argument instanceof WildcardType wildcard) {
                    if (wildcard.getExtendsBound() != null) {
                        check(member, wildcard.getExtendsBound());
                    }
                } else if (argument.getKind() != TypeKind.TYPEVAR) {
                    check(member, argument);
                }
            }
        }
    }
}
