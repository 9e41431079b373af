package dev.ometriasync.processor.internal;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Names generated classes as the runtime looks them up: the annotated type's binary name plus
 * {@code OmetriaSerializer}, as a top-level class in the same package ({@code Shop$CustomerOmetriaSerializer}
 * for a nested {@code Shop.Customer}).
 */
public final class SerializerNames {

    /** The suffix, as in {@code dev.ometriasync.runtime.OmetriaSerializers#SUFFIX}. */
    public static final String SUFFIX = "OmetriaSerializer";

    private SerializerNames() {
    }

    /**
     * The generated class for an annotated type.
     *
     * @param elements javac's element utilities
     * @param type the annotated type
     * @return the generated class's name
     */
    public static ClassName of(Elements elements, TypeElement type) {
        String packageName = elements.getPackageOf(type).getQualifiedName().toString();
        String binaryName = elements.getBinaryName(type).toString();
        String simpleName = packageName.isEmpty() ? binaryName : binaryName.substring(packageName.length() + 1);
        return ClassName.get(packageName, simpleName + SUFFIX);
    }
}
