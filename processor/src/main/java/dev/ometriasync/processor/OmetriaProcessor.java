package dev.ometriasync.processor;

import com.google.auto.service.AutoService;
import dev.ometriasync.processor.internal.DeferTypeException;
import dev.ometriasync.processor.internal.DiagnosticReporter;
import dev.ometriasync.processor.internal.ModelReader;
import dev.ometriasync.processor.internal.OmetriaDiagnostic;
import dev.ometriasync.processor.internal.ResolutionCheck;
import dev.ometriasync.processor.internal.SerializerModel;
import dev.ometriasync.processor.internal.SerializerWriter;
import dev.ometriasync.processor.internal.TargetChecks;
import dev.ometriasync.processor.internal.TargetKind;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The ometria-sync annotation processor: checks every mapping of the {@code dev.ometriasync.annotation}
 * annotations at compile time and generates one serializer per annotated type
 * ({@code <BinaryName>OmetriaSerializer} in the same package).
 *
 * <p>Options: {@code -Aometria.strict=true} reports the processor's warnings as errors.
 *
 * <p>A type that uses a type which does not exist yet (because another processor generates it) is
 * retried in the next round and reported only if it is still missing when processing ends. No exception
 * ever reaches javac: an unexpected failure becomes one {@code [OmetriaInternalError]} on the type.
 */
@AutoService(Processor.class)
public final class OmetriaProcessor extends AbstractProcessor {

    /** The option that turns warnings into errors. */
    public static final String STRICT_OPTION = "ometria.strict";

    private static final String ANNOTATIONS = "dev.ometriasync.annotation.";

    private final Set<String> deferred = new LinkedHashSet<>();
    private final Set<String> finished = new HashSet<>();
    private DiagnosticReporter reporter;
    private TargetChecks checks;
    private ModelReader reader;
    private ResolutionCheck resolution;

    /** Creates the processor; javac calls {@link #init} before use. */
    public OmetriaProcessor() {
    }

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        boolean strict = Boolean.parseBoolean(processingEnv.getOptions().get(STRICT_OPTION));
        reporter = new DiagnosticReporter(processingEnv.getMessager(), strict);
        checks = new TargetChecks(processingEnv.getElementUtils(), reporter);
        reader = new ModelReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), reporter);
        resolution = new ResolutionCheck(processingEnv.getTypeUtils());
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        Set<String> names = new LinkedHashSet<>();
        for (TargetKind kind : TargetKind.values()) {
            names.add(kind.annotationName());
        }
        names.add(ANNOTATIONS + "OmetriaField");
        names.add(ANNOTATIONS + "OmetriaProperty");
        return names;
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(STRICT_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        try {
            Map<String, TypeElement> types = new LinkedHashMap<>();
            for (String name : deferred) {
                TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
                if (type != null) {
                    types.put(name, type);
                }
            }
            deferred.clear();
            for (TargetKind kind : TargetKind.values()) {
                TypeElement annotation = processingEnv.getElementUtils().getTypeElement(kind.annotationName());
                if (annotation == null) {
                    continue;
                }
                for (Element element : roundEnv.getElementsAnnotatedWith(annotation)) {
                    if (element instanceof TypeElement type) {
                        types.putIfAbsent(type.getQualifiedName().toString(), type);
                    }
                }
            }
            for (TypeElement type : types.values()) {
                process(type, roundEnv.processingOver());
            }
        } catch (RuntimeException | LinkageError | AssertionError e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    OmetriaDiagnostic.INTERNAL_ERROR.format("this round", e, where(e)));
        }
        return false;
    }

    private void process(TypeElement type, boolean lastRound) {
        String name = type.getQualifiedName().toString();
        if (!finished.add(name)) {
            return;
        }
        try {
            // Before any check, so that a deferred type reports nothing twice.
            resolution.requireResolved(type);
            Optional<TargetChecks.Target> target = checks.check(type);
            if (target.isEmpty()) {
                return;
            }
            Optional<SerializerModel> model = reader.read(type, target.get());
            if (model.isPresent()) {
                SerializerWriter.write(model.get()).writeTo(processingEnv.getFiler());
            }
        } catch (DeferTypeException e) {
            if (lastRound) {
                reporter.report(OmetriaDiagnostic.UNRESOLVED_TYPE, e.element(), null, null,
                        describe(e.element()), e.missingType());
            } else {
                finished.remove(name);
                deferred.add(name);
            }
        } catch (DiagnosticReporter.AbandonTypeException e) {
            // Already reported; other types go on.
        } catch (IOException | RuntimeException | LinkageError | AssertionError e) {
            reporter.report(OmetriaDiagnostic.INTERNAL_ERROR, type, null, null, name, e, where(e));
        }
    }

    private static String describe(Element element) {
        return element instanceof TypeElement type ? "class " + type.getQualifiedName()
                : element.getKind().toString().toLowerCase(Locale.ROOT) + " "
                + element.getEnclosingElement().getSimpleName() + "." + element.getSimpleName();
    }

    private static String where(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length == 0 ? "unknown location" : trace[0].toString();
    }
}
