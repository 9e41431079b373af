package dev.ometriasync.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.ometriasync.processor.ProcessorHarness.assertError;
import static dev.ometriasync.processor.ProcessorHarness.compile;
import static dev.ometriasync.processor.ProcessorHarness.source;

import com.google.testing.compile.Compilation;
import dev.ometriasync.processor.internal.OmetriaDiagnostic;
import java.util.List;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Lombok entities are not falsely rejected, whether Lombok runs before or after our processor: when it
 * runs after, the getters do not exist yet and are predicted from Lombok's annotations.
 */
class LombokDetectionTest {

    private static final JavaFileObject CUSTOMER = source("test.Customer", """
            package test;
            import dev.ometriasync.annotation.*;
            import lombok.Data;
            import lombok.Getter;
            @Data
            @OmetriaContact
            public class Customer {
                @OmetriaField("id") private Long id;
                @OmetriaField("email") private String email;
                @OmetriaField("@force_optin") private boolean forced;
                @OmetriaField("@merge") private boolean isMerge;
            }
            """);

    private static final JavaFileObject EVENT = source("test.Visit", """
            package test;
            import dev.ometriasync.annotation.*;
            import lombok.AccessLevel;
            import lombok.Getter;
            import java.util.UUID;
            @OmetriaCustomEvent(eventType = "visit")
            public class Visit {
                @Getter @OmetriaField("id") private UUID id;
                @Getter @OmetriaField("timestamp") private java.time.Instant at;
                @Getter(AccessLevel.PACKAGE) @OmetriaField("identity_email") private String email;
                @Getter @lombok.experimental.Accessors(fluent = true) @OmetriaProperty("page") private String page;
            }
            """);

    private static Processor lombok() {
        try {
            return (Processor) Class.forName("lombok.launch.AnnotationProcessorHider$AnnotationProcessor")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void lombokAfterOurProcessor() {
        Compilation compilation = compile(List.of(new OmetriaProcessor(), lombok()), CUSTOMER, EVENT);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.CustomerOmetriaSerializer").contentsAsUtf8String()
                .contains("var forced = entity.isForced();");
        assertThat(compilation).generatedSourceFile("test.CustomerOmetriaSerializer").contentsAsUtf8String()
                .contains("var isMerge = entity.isMerge();");
        assertThat(compilation).generatedSourceFile("test.VisitOmetriaSerializer").contentsAsUtf8String()
                .contains("var page = entity.page();");
    }

    @Test
    void lombokBeforeOurProcessor() {
        Compilation compilation = compile(List.of(lombok(), new OmetriaProcessor()), CUSTOMER, EVENT);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.VisitOmetriaSerializer").contentsAsUtf8String()
                .contains("var email = entity.getEmail();");
    }

    /** Without Lombok running, as under ECJ before its agent is set up: the processor reads Lombok's annotations. */
    @ParameterizedTest
    @EnumSource(TestCompiler.class)
    void lombokGetterWithAccessLevelNoneIsUnreadable(TestCompiler compiler) {
        JavaFileObject customer = source("test.Customer", """
                package test;
                import dev.ometriasync.annotation.*;
                import lombok.AccessLevel;
                import lombok.Getter;
                @Getter
                @OmetriaContact
                public class Customer {
                    @OmetriaField("id") private Long id;
                    @Getter(AccessLevel.NONE) @OmetriaField("email") private String email;
                }
                """);
        assertError(compiler.compile(customer), OmetriaDiagnostic.UNREADABLE_MEMBER, "field Customer.email cannot be"
                + " read by the generated serializer in package 'test': field 'email' is private and has no getter;", customer,
                "@OmetriaField(\"email\")");
    }
}
