package dev.ometriasync.processor.internal;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.tools.Diagnostic;

/**
 * Prints catalogue messages at the exact element, annotation and annotation value, and counts the
 * errors of the type being processed so that no output is written for a type that had one.
 */
public final class DiagnosticReporter {

    private final Messager messager;
    private final boolean strict;
    private final boolean locatesEnumConstants;
    private int errors;

    /**
     * Creates a reporter.
     *
     * @param messager the compiler's messager
     * @param strict whether warnings are reported as errors
     * @param locatesEnumConstants false under Eclipse's compiler, whose Messager gives a diagnostic on an enum
     *     constant no source position at all (ECJ's {@code BaseMessagerImpl} handles fields, not
     *     {@code ENUM_CONSTANT}); such a diagnostic is then put on the enum, in the right file
     */
    public DiagnosticReporter(Messager messager, boolean strict, boolean locatesEnumConstants) {
        this.messager = messager;
        this.strict = strict;
        this.locatesEnumConstants = locatesEnumConstants;
    }

    /**
     * Reports a diagnostic.
     *
     * @param diagnostic the catalogue entry
     * @param element the element at fault
     * @param annotation the annotation at fault, or null
     * @param value the annotation value at fault, or null
     * @param args the message arguments
     */
    public void report(OmetriaDiagnostic diagnostic, Element element, AnnotationMirror annotation,
                       AnnotationValue value, Object... args) {
        boolean error = diagnostic.severity() == OmetriaDiagnostic.Severity.ERROR || strict;
        if (error) {
            errors++;
        }
        Diagnostic.Kind kind = error ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING;
        String message = diagnostic.format(args);
        if (!locatesEnumConstants && element.getKind() == ElementKind.ENUM_CONSTANT) {
            element = element.getEnclosingElement();
            annotation = null;
            value = null;
        }
        if (annotation == null) {
            messager.printMessage(kind, message, element);
        } else if (value == null) {
            messager.printMessage(kind, message, element, annotation);
        } else {
            messager.printMessage(kind, message, element, annotation, value);
        }
    }

    /**
     * Reports an error and returns the exception that abandons the current type.
     *
     * @param diagnostic the catalogue entry
     * @param element the element at fault
     * @param annotation the annotation at fault, or null
     * @param value the annotation value at fault, or null
     * @param args the message arguments
     * @return the exception to throw
     */
    public AbandonTypeException abandon(OmetriaDiagnostic diagnostic, Element element, AnnotationMirror annotation,
                                        AnnotationValue value, Object... args) {
        report(diagnostic, element, annotation, value, args);
        return new AbandonTypeException();
    }

    /**
     * The number of errors reported so far.
     *
     * @return the error count
     */
    public int errorCount() {
        return errors;
    }

    /** Thrown to stop processing one type after its error was reported; other types go on. */
    public static final class AbandonTypeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AbandonTypeException() {
            super(null, null, false, false);
        }
    }
}
