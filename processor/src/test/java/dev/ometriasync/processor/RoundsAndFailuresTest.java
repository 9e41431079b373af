package dev.ometriasync.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.ometriasync.processor.ProcessorHarness.assertError;
import static dev.ometriasync.processor.ProcessorHarness.source;

import com.google.testing.compile.Compilation;
import dev.ometriasync.processor.internal.OmetriaDiagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Deferral across rounds, types that never appear, and failures inside the processor. */
@ParameterizedClass
@EnumSource(TestCompiler.class)
class RoundsAndFailuresTest {

    @Parameter
    TestCompiler compiler;

    private static final String CUSTOMER_WITH_GENERATED_TIER = """
            package test;
            import dev.ometriasync.annotation.*;
            @OmetriaContact
            public class Customer {
                @OmetriaField("id") public Long id;
                @OmetriaField("email") public String email;
                @OmetriaProperty("tier") public Tier tier;
            }
            """;

    @Test
    void typeGeneratedByAnotherProcessorIsRetriedInTheNextRound() {
        JavaFileObject customer = source("test.Customer", CUSTOMER_WITH_GENERATED_TIER);
        TierGenerator generator = new TierGenerator();
        Compilation compilation = compiler.compile(List.of(new OmetriaProcessor(), generator), customer);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.CustomerOmetriaSerializer")
                .contentsAsUtf8String().contains("generator.writeString(tier.name());");
        // The generator really ran in the first round, after our processor had seen the missing type.
        org.junit.jupiter.api.Assertions.assertTrue(generator.generated);
    }

    @Test
    @Covers(OmetriaDiagnostic.UNRESOLVED_TYPE)
    void typeThatNeverAppearsIsReportedAtTheEnd() {
        JavaFileObject customer = source("test.Customer", CUSTOMER_WITH_GENERATED_TIER);
        Compilation compilation = compiler.compile(customer);
        assertError(compilation, OmetriaDiagnostic.UNRESOLVED_TYPE, "field Customer.tier uses type Tier, which does not"
                + " exist after annotation processing ended. If another annotation processor generates it, make sure"
                + " that processor is in annotationProcessorPaths; otherwise fix the type name.", customer, "tier;");
    }

    @Test
    @Covers(OmetriaDiagnostic.INTERNAL_ERROR)
    void unexpectedExceptionBecomesOneErrorOnTheType() {
        JavaFileObject customer = source("test.Customer", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaContact
                public class Customer {
                    @OmetriaField("id") public Long id;
                    @OmetriaField("email") public String email;
                }
                """);
        Compilation compilation = compiler.compile(List.of(new ExplodingFilerProcessor()), customer);
        assertError(compilation, OmetriaDiagnostic.INTERNAL_ERROR, "the Ometria processor failed on test.Customer:"
                + " java.lang.IllegalStateException: disk on fire. No serializer was generated for it. Please report"
                + " this with the class; at ", customer, "class Customer {",
                // ECJ marks a type reported without annotation at its name, javac at its declaration keyword.
                "Customer {");
    }

    /** Generates {@code test.Tier} in the first round, as Lombok or a metamodel generator would. */
    static final class TierGenerator extends AbstractProcessor {
        boolean generated;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
            if (!generated) {
                generated = true;
                try (Writer writer = processingEnv.getFiler().createSourceFile("test.Tier").openWriter()) {
                    writer.write("package test; public enum Tier { GOLD, SILVER }");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }

    /** Our processor, given a Filer that throws what no processor expects. */
    static final class ExplodingFilerProcessor implements Processor {
        private final OmetriaProcessor delegate = new OmetriaProcessor();

        @Override
        public void init(ProcessingEnvironment env) {
            Filer filer = env.getFiler();
            Filer exploding = (Filer) Proxy.newProxyInstance(Filer.class.getClassLoader(), new Class<?>[] {Filer.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("createSourceFile")) {
                            throw new IllegalStateException("disk on fire");
                        }
                        try {
                            return method.invoke(filer, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            ProcessingEnvironment wrapped = (ProcessingEnvironment) Proxy.newProxyInstance(
                    ProcessingEnvironment.class.getClassLoader(), new Class<?>[] {ProcessingEnvironment.class},
                    (proxy, method, args) -> method.getName().equals("getFiler") ? exploding : method.invoke(env, args));
            delegate.init(wrapped);
        }

        @Override
        public Set<String> getSupportedOptions() {
            return delegate.getSupportedOptions();
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return delegate.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return delegate.getSupportedSourceVersion();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
            return delegate.process(annotations, roundEnv);
        }

        @Override
        public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
                                                             ExecutableElement member, String userText) {
            return delegate.getCompletions(element, annotation, member, userText);
        }
    }
}
