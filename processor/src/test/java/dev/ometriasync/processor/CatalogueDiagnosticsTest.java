package dev.ometriasync.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.ometriasync.processor.ProcessorHarness.assertError;
import static dev.ometriasync.processor.ProcessorHarness.assertReported;
import static dev.ometriasync.processor.ProcessorHarness.source;

import com.google.testing.compile.Compilation;
import dev.ometriasync.processor.internal.OmetriaDiagnostic;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Diagnostics that follow from what Ometria documents about fields: a custom event must be tied
 * to a contact, a phone number alone identifies a contact, a line item may embed its product, product attributes
 * and listings have their own required fields.
 */
@ParameterizedClass
@EnumSource(TestCompiler.class)
class CatalogueDiagnosticsTest {

    @Parameter
    TestCompiler compiler;

    private static final String EVENT_WITHOUT_IDENTITY = """
            package test;
            import dev.ometriasync.annotation.*;
            import java.time.Instant;
            @OmetriaCustomEvent(eventType = "basket_abandoned")
            public class BasketAbandoned {
                @OmetriaField("id") public String id;
                @OmetriaField("timestamp") public Instant at;
            }
            """;

    @Test
    @Covers(OmetriaDiagnostic.EVENT_WITHOUT_IDENTITY)
    void aCustomEventThatMapsNoIdentityIsAWarningOnItsAnnotation() {
        JavaFileObject event = source("test.BasketAbandoned", EVENT_WITHOUT_IDENTITY);
        Compilation compilation = compiler.compile(event);

        assertThat(compilation).succeeded();
        assertReported(compilation, Diagnostic.Kind.WARNING, OmetriaDiagnostic.EVENT_WITHOUT_IDENTITY,
                "BasketAbandoned maps none of identity_email, identity_account_id, profile_id; Ometria queues such an"
                        + " event but ties it to no contact, so it can drive no automation, and the runtime rejects it."
                        + " Map the member that identifies the person, for example @OmetriaField(\"identity_email\") or"
                        + " @OmetriaField(\"identity_account_id\").", event, "@OmetriaCustomEvent");
        assertThat(compilation).generatedSourceFile("test.BasketAbandonedOmetriaSerializer");
    }

    @Test
    void aCustomEventWithoutIdentityIsAnErrorInStrictMode() {
        JavaFileObject event = source("test.BasketAbandoned", EVENT_WITHOUT_IDENTITY);
        assertError(compiler.compileStrict(event), OmetriaDiagnostic.EVENT_WITHOUT_IDENTITY,
                "BasketAbandoned maps none of identity_email, identity_account_id, profile_id;", event,
                "@OmetriaCustomEvent");
    }

    @Test
    void anyOneIdentityFieldTiesTheEventToAContact() {
        for (String identity : new String[] {"identity_email", "identity_account_id", "profile_id"}) {
            JavaFileObject event = source("test.BasketAbandoned", EVENT_WITHOUT_IDENTITY.replace(
                    "public Instant at;", "public Instant at;\n    @OmetriaField(\"" + identity + "\") public String who;"));
            Compilation compilation = compiler.compile(event);

            assertThat(compilation).succeededWithoutWarnings();
            assertThat(compilation).generatedSourceFile("test.BasketAbandonedOmetriaSerializer");
        }
    }

    @Test
    void aContactIdentifiedByItsPhoneNumberAloneIsNotWarnedAbout() {
        // Ometria's SMS double opt-in lets phone_number be a contact's only person identifier.
        JavaFileObject subscriber = source("test.SmsSubscriber", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaContact(collection = "optin:sms")
                public class SmsSubscriber {
                    @OmetriaField("id") public String id;
                    @OmetriaField("phone_number") public String phone;
                }
                """);
        Compilation compilation = compiler.compile(subscriber);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.SmsSubscriberOmetriaSerializer");
    }

    @Test
    void aLineItemWithAnEmbeddedProductNeedsNoProductId() {
        JavaFileObject line = source("test.Line", """
                package test;
                import dev.ometriasync.annotation.*;
                import java.math.BigDecimal;
                @OmetriaLineItem
                public class Line {
                    @OmetriaField("product.id") public Long productId;
                    @OmetriaField("product.title") public String title;
                    @OmetriaField("quantity") public int quantity;
                    @OmetriaField("unit_price") public BigDecimal price;
                }
                """);
        Compilation compilation = compiler.compile(line);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.LineOmetriaSerializer");
    }

    @Test
    void aLineItemWithNeitherProductIdNorProductIsWarnedAbout() {
        JavaFileObject line = source("test.Line", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaLineItem
                public class Line {
                    @OmetriaField("quantity") public int quantity;
                    @OmetriaField("subtotal") public double subtotal;
                }
                """);
        assertReported(compiler.compile(line), Diagnostic.Kind.WARNING, OmetriaDiagnostic.MISSING_RECOMMENDED,
                "Line maps no product_id or product; Ometria needs it to link the line to a product. Map a member with"
                        + " @OmetriaField(\"product_id\").", line, "@OmetriaLineItem");
    }

    @Test
    void aProductAttributeWithoutTypeIsWarnedAbout() {
        JavaFileObject attribute = source("test.Colour", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaProductAttribute
                public class Colour {
                    @OmetriaField("id") public String id;
                    @OmetriaField("label") public String label;
                }
                """);
        assertReported(compiler.compile(attribute), Diagnostic.Kind.WARNING, OmetriaDiagnostic.MISSING_RECOMMENDED,
                "Colour maps no type; Ometria needs it to know which attribute this is. Map a member with"
                        + " @OmetriaField(\"type\").", attribute, "@OmetriaProductAttribute");
    }

    @Test
    void aProductListingWithoutStoreIsWarnedAbout() {
        JavaFileObject listing = source("test.Listing", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaProductListing
                public class Listing {
                    @OmetriaField("price") public double price;
                }
                """);
        assertReported(compiler.compile(listing), Diagnostic.Kind.WARNING, OmetriaDiagnostic.MISSING_RECOMMENDED,
                "Listing maps no store_id; Ometria needs it to know which store the listing overrides. Map a member"
                        + " with @OmetriaField(\"store_id\").", listing, "@OmetriaProductListing");
    }

    @Test
    void productAttributesMustBeAnnotatedTypes() {
        JavaFileObject tag = source("test.Tag", """
                package test;
                public class Tag {
                    public String type;
                }
                """);
        JavaFileObject product = source("test.Product", """
                package test;
                import dev.ometriasync.annotation.*;
                import java.util.List;
                @OmetriaProduct
                public class Product {
                    @OmetriaField("id") public String id;
                    @OmetriaField("attributes") public List<Tag> tags;
                }
                """);
        assertError(compiler.compile(tag, product), OmetriaDiagnostic.NESTED_TYPE_NOT_ANNOTATED,
                "field Product.tags is mapped to 'attributes', so its type test.Tag must be annotated"
                        + " @OmetriaProductAttribute.", product, "\"attributes\"");
    }
}
