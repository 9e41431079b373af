package dev.ometriasync.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** What the processor promises build tools: options, registration, and the files it writes. */
class ProcessorContractTest {

    private static final JavaFileObject COMPLETE_ORDER = ProcessorHarness.source("test.Order", """
            package test;
            import dev.ometriasync.annotation.*;
            import java.math.BigDecimal;
            import java.time.Instant;
            @OmetriaOrder
            public class Order {
                @OmetriaField("id") public String id;
                @OmetriaField("timestamp") public Instant placedAt;
                @OmetriaField("grand_total") public BigDecimal total;
                @OmetriaField("currency") public String currency;
            }
            """);

    @Test
    void strictOptionIsRecognisedSoJavacDoesNotWarnAboutIt() {
        Compilation compilation = ProcessorHarness.compileStrict(COMPLETE_ORDER);
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void writesOnlyJavaSourcesAndNoServiceFiles() {
        Compilation compilation = ProcessorHarness.compile(COMPLETE_ORDER);
        assertThat(compilation).succeededWithoutWarnings();
        List<String> written = compilation.generatedFiles().stream()
                .map(JavaFileObject::getName)
                .filter(name -> !name.endsWith(".class"))
                .toList();
        assertThat(written).containsExactly("/SOURCE_OUTPUT/test/OrderOmetriaSerializer.java");
    }

    @Test
    void deprecatedGettersAndTypesDoNotMakeGeneratedCodeWarn() {
        JavaFileObject legacy = ProcessorHarness.source("test.Legacy", """
                package test;
                import dev.ometriasync.annotation.*;
                @Deprecated
                @OmetriaContact
                public class Legacy {
                    private String email;
                    @OmetriaField("id") public Long id;
                    @OmetriaField("customer_id") public String account;
                    @Deprecated(forRemoval = true) @OmetriaField("email") public String getEmail() { return email; }
                }
                """);
        JavaFileObject order = ProcessorHarness.source("test.Order", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaOrder
                @SuppressWarnings("deprecation")
                public class Order {
                    @OmetriaField("id") public String id;
                    @OmetriaField("timestamp") public java.time.Instant at;
                    @OmetriaField("grand_total") public double total;
                    @OmetriaField("currency") public String currency;
                    private Legacy legacy;
                    @OmetriaField("customer") public Legacy getLegacy() { return legacy; }
                }
                """);
        Compilation compilation = com.google.testing.compile.Compiler.javac()
                .withProcessors(new OmetriaProcessor()).withOptions("-Xlint:all,-processing", "-Werror")
                .compile(legacy, order);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.LegacyOmetriaSerializer").contentsAsUtf8String()
                .contains("@SuppressWarnings({\"deprecation\", \"removal\"})");
        assertThat(compilation).generatedSourceFile("test.OrderOmetriaSerializer").contentsAsUtf8String()
                .contains("@SuppressWarnings({\"deprecation\", \"removal\"})");
    }

    @Test
    void isDeclaredIsolatingForGradleAndRegisteredAsAService() throws IOException {
        assertThat(resource("META-INF/gradle/incremental.annotation.processors").trim())
                .isEqualTo(OmetriaProcessor.class.getName() + ",isolating");
        assertThat(resource("META-INF/services/javax.annotation.processing.Processor").trim())
                .isEqualTo(OmetriaProcessor.class.getName());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = OmetriaProcessor.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
