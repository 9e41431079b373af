package dev.ometriasync.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.ometriasync.processor.ProcessorHarness.assertError;
import static dev.ometriasync.processor.ProcessorHarness.source;

import com.google.testing.compile.Compilation;
import dev.ometriasync.processor.internal.OmetriaDiagnostic;
import java.nio.file.Path;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A type whose serializer calls another type's generated serializer: no cascade of errors when that type
 * fails, and a clear error when it was compiled in another module without the processor.
 */
@ParameterizedClass
@EnumSource(TestCompiler.class)
class NestingAcrossTypesTest {

    @Parameter
    TestCompiler compiler;

    private static final String ORDER = """
            package shop;
            import dev.ometriasync.annotation.*;
            import java.math.BigDecimal;
            import java.time.Instant;
            @OmetriaOrder
            public class Order {
                @OmetriaField("id") public String id;
                @OmetriaField("timestamp") public Instant placedAt;
                @OmetriaField("grand_total") public BigDecimal total;
                @OmetriaField("currency") public String currency;
                private Customer customer;
                @OmetriaField("customer") public Customer getCustomer() { return customer; }
            }
            """;

    private static final String CUSTOMER = """
            package shop;
            import dev.ometriasync.annotation.*;
            @OmetriaContact
            public class Customer {
                @OmetriaField("id") public Long id;
                @OmetriaField("customer_id") public String account;
                @OmetriaField("%s") public String email;
            }
            """;

    @Test
    void aFailedNestedTypeGivesOneErrorAndNoGeneratedCodeThatCallsItsSerializer() {
        JavaFileObject customer = source("shop.Customer", CUSTOMER.formatted("emial"));
        JavaFileObject order = source("shop.Order", ORDER);
        Compilation compilation = compiler.compile(order, customer);
        assertError(compilation, OmetriaDiagnostic.UNKNOWN_FIELD, "'emial' is not a field of an Ometria contact. Did"
                + " you mean 'email'?", customer, "\"emial\"");
        // Only that error: none from generated code calling the missing CustomerOmetriaSerializer (javac's "cannot
        // find symbol", ECJ's "cannot be resolved to a type").
        assertWithMessage("errors").that(compilation.errors().stream()
                .map(error -> error.getMessage(Locale.ROOT)).toList()).hasSize(1);
    }

    @Test
    void nestingIsResolvedWhicheverTypeComesFirst() {
        JavaFileObject customer = source("shop.Customer", CUSTOMER.formatted("email"));
        JavaFileObject order = source("shop.Order", ORDER);
        Compilation compilation = compiler.compile(order, customer);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("shop.OrderOmetriaSerializer").contentsAsUtf8String()
                .contains("CUSTOMER_SERIALIZER.writeCustomer(customer, generator);");
    }

    @Test
    @Covers(OmetriaDiagnostic.SERIALIZER_MISSING)
    void nestedTypeFromAModuleCompiledWithoutTheProcessor() {
        Path entities = compiler.compileModule(false, source("shop.Customer", CUSTOMER.formatted("email")));
        JavaFileObject order = source("shop.Order", ORDER);
        Compilation compilation = compiler.compileAgainst(entities, order);
        assertError(compilation, OmetriaDiagnostic.SERIALIZER_MISSING, "method Order.getCustomer() is written by"
                + " shop.CustomerOmetriaSerializer, the serializer generated for shop.Customer, but it is not on the"
                + " class path: shop.Customer was compiled without the ometria-sync processor. Run the processor on"
                + " the module that holds it: add dev.ometriasync:ometria-sync-processor to that module's"
                + " maven-compiler-plugin annotationProcessorPaths (Gradle: its annotationProcessor dependencies), as"
                + " the README's setup shows.", order, "\"customer\"");
        assertWithMessage("errors").that(compilation.errors().stream()
                .map(error -> error.getMessage(Locale.ROOT)).toList()).hasSize(1);
    }

    @Test
    void nestedTypeFromAModuleCompiledWithTheProcessor() {
        Path entities = compiler.compileModule(true, source("shop.Customer", CUSTOMER.formatted("email")));
        Compilation compilation = compiler.compileAgainst(entities, source("shop.Order", ORDER));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("shop.OrderOmetriaSerializer");
        assertWithMessage("diagnostics").that(compilation.diagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList()).isEmpty();
    }
}
