package dev.ometriasync.processor.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Finds the fields and methods carrying {@code @OmetriaField} or {@code @OmetriaProperty} in a type and
 * its superclasses (mapped superclasses, inheritance roots), superclass members first, each class in
 * declaration order.
 */
final class MemberCollector {

    /**
     * One mapping annotation on one member.
     *
     * @param element the field or method
     * @param mirror the {@code @OmetriaField} or {@code @OmetriaProperty} annotation
     * @param property true for {@code @OmetriaProperty}
     */
    record AnnotatedMember(Element element, AnnotationMirror mirror, boolean property) {
    }

    private final Types types;

    MemberCollector(Types types) {
        this.types = types;
    }

    List<AnnotatedMember> collect(TypeElement type) {
        List<AnnotatedMember> members = new ArrayList<>();
        for (TypeElement declaring : hierarchy(type)) {
            for (Element enclosed : declaring.getEnclosedElements()) {
                if (enclosed.getKind() != ElementKind.FIELD && enclosed.getKind() != ElementKind.METHOD) {
                    continue;
                }
                for (AnnotationMirror mirror : enclosed.getAnnotationMirrors()) {
                    String name = AnnotationMirrors.name(mirror);
                    if (copiedToRecordAccessor(declaring, enclosed, mirror)) {
                        continue;
                    }
                    if (name.equals(AnnotationMirrors.FIELD) || name.equals(AnnotationMirrors.PROPERTY)) {
                        members.add(new AnnotatedMember(enclosed, mirror, name.equals(AnnotationMirrors.PROPERTY)));
                    }
                }
            }
        }
        return members;
    }

    /**
     * Whether the annotation on a record's accessor is javac's copy of the record component's annotation,
     * which the component's field carries too: the component is mapped once, through its field.
     */
    private static boolean copiedToRecordAccessor(TypeElement declaring, Element member, AnnotationMirror mirror) {
        if (declaring.getKind() != ElementKind.RECORD || member.getKind() != ElementKind.METHOD) {
            return false;
        }
        for (Element sibling : declaring.getEnclosedElements()) {
            if (sibling.getKind() == ElementKind.FIELD && sibling.getSimpleName().equals(member.getSimpleName())) {
                for (AnnotationMirror fieldMirror : sibling.getAnnotationMirrors()) {
                    if (fieldMirror.toString().equals(mirror.toString())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The type and its superclasses below {@code Object}, root first. */
    List<TypeElement> hierarchy(TypeElement type) {
        Deque<TypeElement> chain = new ArrayDeque<>();
        TypeElement current = type;
        while (current != null) {
            chain.push(current);
            TypeMirror superclass = current.getSuperclass();
            if (superclass.getKind() == TypeKind.ERROR) {
                throw new DeferTypeException(current, superclass.toString());
            }
            if (superclass.getKind() != TypeKind.DECLARED) {
                break;
            }
            current = (TypeElement) types.asElement(superclass);
            if (current.getQualifiedName().contentEquals("java.lang.Object")) {
                break;
            }
        }
        return new ArrayList<>(chain);
    }
}
