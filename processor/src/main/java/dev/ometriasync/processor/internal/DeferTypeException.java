package dev.ometriasync.processor.internal;

import javax.lang.model.element.Element;

/**
 * Thrown when a type the processor needs does not exist yet, typically because another annotation
 * processor generates it in a later round. The type is retried in the next round.
 */
public final class DeferTypeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Element element;
    private final String missingType;

    /**
     * Creates the exception.
     *
     * @param element the member or type that uses the missing type
     * @param missingType the missing type as javac prints it
     */
    public DeferTypeException(Element element, String missingType) {
        super(missingType, null, false, false);
        this.element = element;
        this.missingType = missingType;
    }

    /**
     * The member or type that uses the missing type.
     *
     * @return the element to report on if the type never appears
     */
    public Element element() {
        return element;
    }

    /**
     * The missing type.
     *
     * @return its name
     */
    public String missingType() {
        return missingType;
    }
}
