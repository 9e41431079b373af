package dev.ometriasync.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.ometriasync.processor.ProcessorHarness.assertError;
import static dev.ometriasync.processor.ProcessorHarness.source;

import com.google.testing.compile.Compilation;
import dev.ometriasync.processor.internal.OmetriaDiagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Users' own enums for string fields: any enum for free text; for a field with a fixed value set
 * ({@code marketing_optin}, {@code gender}) only an enum whose every constant maps to an allowed value.
 */
@ParameterizedClass
@EnumSource(TestCompiler.class)
class EnumMappingTest {

    @Parameter
    TestCompiler compiler;

    // ECJ's Messager gives a diagnostic on an enum constant no position, so under ECJ the processor reports it on
    // the enum: same file, the enum's line at its name (the last marker below), the constant named in the message.

    /** The generated source with every run of whitespace as one space, so that assertions ignore indentation. */
    private static String generatedCode(Compilation compilation, String name) {
        return ProcessorHarness.content(compilation.generatedSourceFile(name).orElseThrow()).replaceAll("\\s+", " ");
    }

    private static JavaFileObject customerMapping(String field, String enumName) {
        return source("test.Customer", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaContact
                public class Customer {
                    @OmetriaField("id") public Long id;
                    @OmetriaField("email") public String email;
                    @OmetriaField("%s") public %s value;
                }
                """.formatted(field, enumName));
    }

    @Test
    void constantsNamedLikeOmetriasValuesAreAccepted() {
        JavaFileObject optin = source("test.Optin", """
                package test;
                public enum Optin { EXPLICITLY_OPTEDIN, EXPLICITLY_OPTEDOUT, NOT_SPECIFIED }
                """);
        Compilation compilation = compiler.compile(optin, customerMapping("marketing_optin", "Optin"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.CustomerOmetriaSerializer").contentsAsUtf8String()
                .contains("generator.writeString(value.name());");
    }

    @Test
    void mappedConstantsAreWrittenWithTheirOmetriaValue() {
        JavaFileObject consent = source("test.Consent", """
                package test;
                import dev.ometriasync.annotation.OmetriaValue;
                public enum Consent {
                    @OmetriaValue("EXPLICITLY_OPTEDIN") YES,
                    @OmetriaValue("EXPLICITLY_OPTEDOUT") NO,
                    NOT_SPECIFIED
                }
                """);
        Compilation compilation = compiler.compile(consent, customerMapping("marketing_optin", "Consent"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generatedCode(compilation, "test.CustomerOmetriaSerializer")).contains("generator.writeString(switch"
                + " (value) { case YES -> \"EXPLICITLY_OPTEDIN\"; case NO -> \"EXPLICITLY_OPTEDOUT\"; case NOT_SPECIFIED ->"
                + " \"NOT_SPECIFIED\"; });");
    }

    @Test
    @Covers(OmetriaDiagnostic.ENUM_VALUE_NOT_ALLOWED)
    void anUnmappedConstantIsRejectedOnItsOwnLineWithTheAllowedValues() {
        JavaFileObject consent = source("test.Consent", """
                package test;
                public enum Consent {
                    EXPLICITLY_OPTEDIN,
                    EXPLICITLY_OPTEDOUT,
                    NOT_SPECIFED
                }
                """);
        JavaFileObject customer = customerMapping("marketing_optin", "Consent");
        Compilation compilation = compiler.compile(consent, customer);
        assertError(compilation, OmetriaDiagnostic.ENUM_VALUE_NOT_ALLOWED, "enum constant Consent.NOT_SPECIFED is"
                + " written as \"NOT_SPECIFED\", which 'marketing_optin' does not accept (field Customer.value maps"
                + " the enum there). Allowed values: EXPLICITLY_OPTEDIN, EXPLICITLY_OPTEDOUT, NOT_SPECIFIED. Did you"
                + " mean \"NOT_SPECIFIED\"? Rename the constant, or annotate it @OmetriaValue(\"…\") with one of"
                + " them.", consent, "NOT_SPECIFED", "Consent {");
        assertWithMessage("errors").that(compilation.errors()).hasSize(1);
    }

    @Test
    void aMappingToAValueOutsideTheSetIsRejectedAtTheAnnotation() {
        JavaFileObject consent = source("test.Consent", """
                package test;
                import dev.ometriasync.annotation.OmetriaValue;
                public enum Consent {
                    @OmetriaValue("OPTED_IN") YES,
                    @OmetriaValue("EXPLICITLY_OPTEDOUT") NO,
                    @OmetriaValue("NOT_SPECIFIED") UNKNOWN
                }
                """);
        Compilation compilation = compiler.compile(consent, customerMapping("marketing_optin", "Consent"));
        assertError(compilation, OmetriaDiagnostic.ENUM_VALUE_NOT_ALLOWED, "enum constant Consent.YES is written as"
                + " \"OPTED_IN\", which 'marketing_optin' does not accept (field Customer.value maps the enum"
                + " there). Allowed values: EXPLICITLY_OPTEDIN, EXPLICITLY_OPTEDOUT, NOT_SPECIFIED. Change the value"
                + " to one of them.", consent, "\"OPTED_IN\"", "Consent {");
    }

    @Test
    void genderTakesOmetriasLetters() {
        JavaFileObject gender = source("test.Gender", """
                package test;
                import dev.ometriasync.annotation.OmetriaValue;
                public enum Gender {
                    @OmetriaValue("f") FEMALE,
                    @OmetriaValue("m") MALE,
                    OTHER
                }
                """);
        Compilation compilation = compiler.compile(gender, customerMapping("gender", "Gender"));
        assertError(compilation, OmetriaDiagnostic.ENUM_VALUE_NOT_ALLOWED, "enum constant Gender.OTHER is written as"
                + " \"OTHER\", which 'gender' does not accept (field Customer.value maps the enum there). Allowed"
                + " values: m, f, o. Rename the constant, or annotate it @OmetriaValue(\"…\") with one of them.",
                gender, "OTHER", "Gender {");
    }

    @Test
    void freeTextFieldsPropertiesAndArraysTakeAnyEnumWithItsMappedValues() {
        JavaFileObject status = source("test.Status", """
                package test;
                import dev.ometriasync.annotation.OmetriaValue;
                public enum Status { @OmetriaValue("cancelled") CANCELLED, SHIPPED }
                """);
        JavaFileObject order = source("test.Order", """
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
                    @OmetriaField("status") public Status status;
                    @OmetriaProperty("previous_status") public Status previous;
                    @OmetriaProperty("history") public java.util.List<Status> history;
                }
                """);
        Compilation compilation = compiler.compile(status, order);
        assertThat(compilation).succeededWithoutWarnings();
        String code = generatedCode(compilation, "test.OrderOmetriaSerializer");
        String statusSwitch = "switch (status) { case CANCELLED -> \"cancelled\"; case SHIPPED -> \"SHIPPED\"; }";
        assertThat(code).contains("generator.writeString(" + statusSwitch + ");");
        assertThat(code).contains("generator.writeString(switch (previous) { case CANCELLED -> \"cancelled\";");
        assertThat(code).contains("for (var element : history) { if (element != null) { generator.writeString(switch"
                + " (element) { case CANCELLED -> \"cancelled\"; case SHIPPED -> \"SHIPPED\"; }); } }");
    }
}
