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
 *
 * <p>Each round first reads every type, then writes only the serializers whose referenced serializers exist:
 * a type that nests a failed type is not written (its error is the nested type's, reported once; no
 * "cannot find symbol" in generated code), one that nests a deferred type waits with it, and one that nests a
 * type compiled without the processor gets {@code [OmetriaSerializerMissing]} on the referencing member.
 */
@AutoService(Processor.class)
public final class OmetriaProcessor extends AbstractProcessor {

    /** The option that turns warnings into errors. */
    public static final String STRICT_OPTION = "ometria.strict";

    private static final String ANNOTATIONS = "dev.ometriasync.annotation.";

    private final Set<String> deferred = new LinkedHashSet<>();
    private final Set<String> finished = new HashSet<>();
    private final Set<String> generated = new HashSet<>();
    private final Set<String> failed = new HashSet<>();
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
        // Eclipse's compiler (batch or IDE) cannot place a diagnostic on an enum constant; see DiagnosticReporter.
        boolean eclipse = processingEnv.getClass().getName().startsWith("org.eclipse.jdt.");
        reporter = new DiagnosticReporter(processingEnv.getMessager(), strict, !eclipse);
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
            boolean lastRound = roundEnv.processingOver();
            Map<String, SerializerModel> ready = new LinkedHashMap<>();
            for (TypeElement type : types.values()) {
                read(type, lastRound).ifPresent(model -> ready.put(type.getQualifiedName().toString(), model));
            }
            holdBackDependents(ready, lastRound);
            ready.values().forEach(this::write);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    OmetriaDiagnostic.INTERNAL_ERROR.format("this round", e, where(e)));
        }
        return false;
    }

    /** Checks a type and reads its model; empty when it failed (reported), was deferred, or was done before. */
    private Optional<SerializerModel> read(TypeElement type, boolean lastRound) {
        String name = type.getQualifiedName().toString();
        if (!finished.add(name)) {
            return Optional.empty();
        }
        Optional<SerializerModel> model = Optional.empty();
        try {
            // Before any check, so that a deferred type reports nothing twice.
            resolution.requireResolved(type);
            Optional<TargetChecks.Target> target = checks.check(type);
            if (target.isPresent()) {
                model = reader.read(type, target.get());
            }
        } catch (DeferTypeException e) {
            if (lastRound) {
                reporter.report(OmetriaDiagnostic.UNRESOLVED_TYPE, e.element(), null, null,
                        describe(e.element()), e.missingType());
            } else {
                finished.remove(name);
                deferred.add(name);
                return Optional.empty();
            }
        } catch (DiagnosticReporter.AbandonTypeException e) {
            // Already reported; other types go on.
        } catch (RuntimeException | LinkageError | AssertionError e) {
            reporter.report(OmetriaDiagnostic.INTERNAL_ERROR, type, null, null, name, e, where(e));
        }
        if (model.isEmpty()) {
            failed.add(name);
        }
        return model;
    }

    /**
     * Removes from {@code ready} every model whose generated code would call a serializer that will not exist,
     * until none is left: nesting a failed type fails silently (that type's own error says what to fix), nesting
     * a deferred type defers, and nesting a type from the class path without its serializer is reported.
     */
    private void holdBackDependents(Map<String, SerializerModel> ready, boolean lastRound) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var iterator = ready.entrySet().iterator(); iterator.hasNext(); ) {
                Map.Entry<String, SerializerModel> entry = iterator.next();
                Optional<Boolean> fails = unavailableReference(entry.getValue(), ready, lastRound);
                if (fails.isEmpty()) {
                    continue;
                }
                iterator.remove();
                changed = true;
                if (fails.get()) {
                    failed.add(entry.getKey());
                } else {
                    finished.remove(entry.getKey());
                    deferred.add(entry.getKey());
                }
            }
        }
    }

    /**
     * Whether a model references a serializer that will not exist: empty when all exist or are about to be
     * written; true when the model must fail; false when it must wait for the next round.
     */
    private Optional<Boolean> unavailableReference(SerializerModel model, Map<String, SerializerModel> ready,
                                                   boolean lastRound) {
        for (SerializerModel.Reference reference : model.references()) {
            String name = reference.type().getQualifiedName().toString();
            if (ready.containsKey(name) || generated.contains(name)) {
                continue;
            }
            if (failed.contains(name)) {
                return Optional.of(true);
            }
            if (deferred.contains(name)) {
                return Optional.of(lastRound);
            }
            if (processingEnv.getElementUtils().getTypeElement(reference.serializer().canonicalName()) == null) {
                reporter.report(OmetriaDiagnostic.SERIALIZER_MISSING, reference.member(), reference.mirror(),
                        reference.value(), reference.description(),
                        reference.serializer().canonicalName(), name, name);
                return Optional.of(true);
            }
        }
        return Optional.empty();
    }

    private void write(SerializerModel model) {
        String name = model.element().getQualifiedName().toString();
        try {
            SerializerWriter.write(model).writeTo(processingEnv.getFiler());
            generated.add(name);
        } catch (IOException | RuntimeException | LinkageError | AssertionError e) {
            failed.add(name);
            reporter.report(OmetriaDiagnostic.INTERNAL_ERROR, model.element(), null, null, name, e, where(e));
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
