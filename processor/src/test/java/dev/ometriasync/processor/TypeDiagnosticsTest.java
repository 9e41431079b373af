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

/** Diagnostics reported on an annotated type, its type-level annotation or its attributes. */
@ParameterizedClass
@EnumSource(TestCompiler.class)
class TypeDiagnosticsTest {

    @Parameter
    TestCompiler compiler;

    @Test
    @Covers(OmetriaDiagnostic.MISSING_ID)
    void recordTypeWithoutId() {
        JavaFileObject product = source("test.Product", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaProduct
                public class Product {
                    @OmetriaField("title") public String title;
                }
                """);
        assertError(compiler.compile(product), OmetriaDiagnostic.MISSING_ID, "Product is an Ometria product but no member is"
                + " mapped to its id. Add @OmetriaField(\"id\") to the member that holds a stable, non-personal"
                + " identifier (usually the @Id).", product, "@OmetriaProduct");
    }

    @Test
    @Covers(OmetriaDiagnostic.CONFLICTING_RECORD_ANNOTATIONS)
    void twoTypeLevelAnnotations() {
        JavaFileObject customer = source("test.Customer", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaContact
                @OmetriaOrder
                public class Customer {
                    @OmetriaField("id") public Long id;
                }
                """);
        assertError(compiler.compile(customer), OmetriaDiagnostic.CONFLICTING_RECORD_ANNOTATIONS, "Customer carries both"
                + " @OmetriaContact and @OmetriaOrder; a class maps to exactly one Ometria type. Keep one of them.",
                customer, "@OmetriaOrder");
    }

    @Test
    @Covers(OmetriaDiagnostic.INVALID_TARGET)
    void recordAnnotationOnAnInterface() {
        JavaFileObject order = source("test.Order", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaOrder
                public interface Order {
                    @OmetriaField("id") String getId();
                }
                """);
        assertError(compiler.compile(order), OmetriaDiagnostic.INVALID_TARGET, "@OmetriaOrder cannot be used on interface Order:"
                + " annotate the class (or record) whose instances are saved, such as the JPA entity.", order,
                "@OmetriaOrder");
    }

    @Test
    void recordAnnotationOnAnEnum() {
        JavaFileObject status = source("test.Status", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaProduct
                public enum Status { A, B }
                """);
        assertError(compiler.compile(status), OmetriaDiagnostic.INVALID_TARGET, "@OmetriaProduct cannot be used on enum Status:",
                status, "@OmetriaProduct");
    }

    @Test
    void recordAnnotationOnAGenericClass() {
        JavaFileObject party = source("test.Party", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaContact
                public class Party<K> {
                    @OmetriaField("id") public K id;
                }
                """);
        assertError(compiler.compile(party), OmetriaDiagnostic.INVALID_TARGET, "@OmetriaContact cannot be used on generic class"
                + " Party: annotate a concrete subclass that fixes the type parameters, or move the mapped members to a"
                + " superclass.", party, "@OmetriaContact");
    }

    @Test
    @Covers(OmetriaDiagnostic.UNREACHABLE_TYPE)
    void privateNestedType() {
        JavaFileObject shop = source("test.Shop", """
                package test;
                import dev.ometriasync.annotation.*;
                public class Shop {
                    @OmetriaProduct
                    private static class Product {
                        @OmetriaField("id") public String sku;
                    }
                }
                """);
        assertError(compiler.compile(shop), OmetriaDiagnostic.UNREACHABLE_TYPE, "test.Shop.Product is private, so the generated"
                + " serializer in its package cannot use it. Make it package-private or public.", shop,
                "@OmetriaProduct");
    }

    @Test
    void nonStaticInnerClass() {
        JavaFileObject shop = source("test.Shop", """
                package test;
                import dev.ometriasync.annotation.*;
                public class Shop {
                    @OmetriaProduct
                    public class Product {
                        @OmetriaField("id") public String sku;
                    }
                }
                """);
        assertError(compiler.compile(shop), OmetriaDiagnostic.UNREACHABLE_TYPE, "test.Shop.Product is a non-static inner class,"
                + " so the generated serializer in its package cannot use it. Declare it static (JPA cannot create"
                + " inner class instances either).", shop, "@OmetriaProduct");
    }

    @Test
    @Covers(OmetriaDiagnostic.EVENT_TYPE_TOO_LONG)
    void eventTypeLongerThanOmetriaKeeps() {
        JavaFileObject event = source("test.Viewed", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaCustomEvent(eventType = "product_viewed_on_the_mobile_app_v2")
                public class Viewed {
                    @OmetriaField("id") public String id;
                }
                """);
        assertError(compiler.compile(event), OmetriaDiagnostic.EVENT_TYPE_TOO_LONG, "event type"
                + " \"product_viewed_on_the_mobile_app_v2\" has 35 characters; Ometria truncates event types longer"
                + " than 32. Choose a shorter name.", event, "\"product_viewed_on_the_mobile_app_v2\"",
                // ECJ marks the whole attribute (name = value), javac the value.
                "eventType = ");
    }

    @Test
    @Covers(OmetriaDiagnostic.EMPTY_EVENT_TYPE)
    void blankEventType() {
        JavaFileObject event = source("test.Viewed", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaCustomEvent(eventType = "")
                public class Viewed {
                    @OmetriaField("id") public String id;
                }
                """);
        assertError(compiler.compile(event), OmetriaDiagnostic.EMPTY_EVENT_TYPE, "the event type of Viewed is blank. Give the"
                + " event type configured in your Ometria account, for example @OmetriaCustomEvent(eventType ="
                + " \"wishlist_added\").", event, "\"\"",
                // ECJ marks the whole attribute (name = value), javac the value.
                "eventType = ");
    }

    private static final String ORDER_WITHOUT_CURRENCY = """
            package test;
            import dev.ometriasync.annotation.*;
            import java.math.BigDecimal;
            import java.time.Instant;
            @OmetriaOrder
            public class Order {
                @OmetriaField("id") public String id;
                @OmetriaField("timestamp") public Instant placedAt;
                @OmetriaField("grand_total") public BigDecimal total;
            }
            """;

    @Test
    @Covers(OmetriaDiagnostic.MISSING_RECOMMENDED)
    void orderWithoutCurrencyIsAWarning() {
        JavaFileObject order = source("test.Order", ORDER_WITHOUT_CURRENCY);
        Compilation compilation = compiler.compile(order);
        assertThat(compilation).succeeded();
        assertReported(compilation, Diagnostic.Kind.WARNING, OmetriaDiagnostic.MISSING_RECOMMENDED, "Order maps no"
                + " currency; Ometria needs it to know which currency the amounts are in. Map a member with"
                + " @OmetriaField(\"currency\").", order, "@OmetriaOrder");
        assertThat(compilation).generatedSourceFile("test.OrderOmetriaSerializer");
    }

    @Test
    void orderWithoutCurrencyIsAnErrorInStrictMode() {
        JavaFileObject order = source("test.Order", ORDER_WITHOUT_CURRENCY);
        assertError(compiler.compileStrict(order), OmetriaDiagnostic.MISSING_RECOMMENDED, "Order maps no currency;", order,
                "@OmetriaOrder");
    }

    @Test
    void contactWithNeitherEmailNorCustomerId() {
        JavaFileObject customer = source("test.Customer", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaContact
                public class Customer {
                    @OmetriaField("id") public Long id;
                }
                """);
        Compilation compilation = compiler.compile(customer);
        assertReported(compilation, Diagnostic.Kind.WARNING, OmetriaDiagnostic.MISSING_RECOMMENDED, "Customer maps no"
                + " email or customer_id or phone_number; Ometria needs it to match the listing to a profile. Map a"
                + " member with @OmetriaField(\"email\").", customer,
                "@OmetriaContact");
    }

    @Test
    void lineItemWithoutPrice() {
        JavaFileObject line = source("test.Line", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaLineItem
                public class Line {
                    @OmetriaField("product_id") public String product;
                    @OmetriaField("quantity") public int quantity;
                }
                """);
        assertReported(compiler.compile(line), Diagnostic.Kind.WARNING, OmetriaDiagnostic.MISSING_RECOMMENDED, "Line maps no"
                + " unit_price or subtotal; Ometria needs it to value the line. Map a member with"
                + " @OmetriaField(\"unit_price\").", line, "@OmetriaLineItem");
    }

    private static final JavaFileObject GUEST = source("test.Guest", """
            package test;
            import dev.ometriasync.annotation.*;
            @OmetriaContact
            public class Guest {
                @OmetriaField("id") public Long id;
                @OmetriaField("email") public String email;
            }
            """);

    private static final String ORDER_WITH_GUEST = """
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
                private Guest guest;
                @OmetriaField("customer") public Guest getGuest() { return guest; }
            }
            """;

    @Test
    @Covers(OmetriaDiagnostic.CUSTOMER_WITHOUT_ID)
    void customerWhoseContactMapsNoCustomerId() {
        JavaFileObject order = source("test.Order", ORDER_WITH_GUEST);
        Compilation compilation = compiler.compile(GUEST, order);
        assertThat(compilation).succeeded();
        assertReported(compilation, Diagnostic.Kind.WARNING, OmetriaDiagnostic.CUSTOMER_WITHOUT_ID, "method"
                + " Order.getGuest() is written as the order's customer, but contact Guest maps no customer_id, so the"
                + " customer object has no id and Ometria links the order by e-mail only. Map the account id with"
                + " @OmetriaField(\"customer_id\") in Guest.", order, "\"customer\"");
    }

    @Test
    void customerWithoutIdIsAnErrorInStrictMode() {
        JavaFileObject order = source("test.Order", ORDER_WITH_GUEST);
        assertError(compiler.compileStrict(GUEST, order), OmetriaDiagnostic.CUSTOMER_WITHOUT_ID, "method Order.getGuest() is"
                + " written as the order's customer", order, "\"customer\"");
    }
}
