package dev.ometriasync.processor;

import static dev.ometriasync.processor.ProcessorHarness.assertError;
import static dev.ometriasync.processor.ProcessorHarness.source;

import com.google.testing.compile.Compilation;
import dev.ometriasync.processor.internal.OmetriaDiagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Diagnostics reported on a mapped member, each with one bad source; under javac and ECJ. */
@ParameterizedClass
@EnumSource(TestCompiler.class)
class MemberDiagnosticsTest {

    @Parameter
    TestCompiler compiler;

    @Test
    @Covers(OmetriaDiagnostic.UNKNOWN_FIELD)
    void unknownFieldSuggestsTheClosestName() {
        JavaFileObject customer = source("test.Customer", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaContact
                public class Customer {
                    @OmetriaField("id") public Long id;
                    @OmetriaField("emial") public String email;
                }
                """);
        assertError(compiler.compile(customer), OmetriaDiagnostic.UNKNOWN_FIELD,
                "'emial' is not a field of an Ometria contact. Did you mean 'email'?", customer, "\"emial\"");
    }

    @Test
    void unknownFieldExplainsFieldsTheSerializerWrites() {
        JavaFileObject customer = source("test.Customer", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaContact
                public class Customer {
                    @OmetriaField("id") public Long id;
                    @OmetriaField("email") public String email;
                    @OmetriaField("@collection") public String source;
                }
                """);
        assertError(compiler.compile(customer), OmetriaDiagnostic.UNKNOWN_FIELD, "'@collection' is not a field of an Ometria"
                + " contact. Set the collection with @OmetriaContact(collection = \"…\"); remove this mapping.",
                customer, "\"@collection\"");
    }

    @Test
    void unknownFieldPointsDottedPropertiesToOmetriaProperty() {
        JavaFileObject order = source("test.Order", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaOrder
                public class Order {
                    @OmetriaField("id") public String id;
                    @OmetriaField("properties.channel_name") public String channel;
                }
                """);
        assertError(compiler.compile(order), OmetriaDiagnostic.UNKNOWN_FIELD, "'properties.channel_name' is not a field of an"
                + " Ometria order. Map a custom value with @OmetriaProperty(\"channel_name\") instead.",
                order, "\"properties.channel_name\"");
    }

    @Test
    void lineItemsHaveNoIdOfTheirOwn() {
        JavaFileObject line = source("test.Line", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaLineItem
                public class Line {
                    @OmetriaField("id") public Long id;
                    @OmetriaField("product_id") public String product;
                    @OmetriaField("quantity") public int quantity;
                    @OmetriaField("subtotal") public double subtotal;
                }
                """);
        Compilation compilation = compiler.compile(line);
        assertError(compilation, OmetriaDiagnostic.UNKNOWN_FIELD, "'id' is not a field of an Ometria line item. A line"
                + " item has no id of its own. Known fields:", line, "\"id\"");
    }

    @Test
    void addressesHaveNoCustomProperties() {
        JavaFileObject address = source("test.Address", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaAddress
                public record Address(@OmetriaField("city") String city, @OmetriaProperty("floor") String floor) {
                }
                """);
        assertError(compiler.compile(address), OmetriaDiagnostic.UNKNOWN_FIELD, "'properties' is not a field of an Ometria"
                + " address. Only contacts, orders, products, line items and custom events have custom properties",
                // ECJ finds no annotation on the field and accessor it derives from a record component, so it marks
                // the component's name.
                address, "\"floor\"", "floor) {");
    }

    @Test
    @Covers(OmetriaDiagnostic.TYPE_MISMATCH)
    void typeMismatchNamesTheAcceptedTypes() {
        JavaFileObject order = source("test.Order", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaOrder
                public class Order {
                    @OmetriaField("id") public String id;
                    @OmetriaField("grand_total") public String total;
                }
                """);
        assertError(compiler.compile(order), OmetriaDiagnostic.TYPE_MISMATCH, "field Order.total of type java.lang.String cannot"
                + " be written to 'grand_total', a JSON number. Use BigDecimal, BigInteger, or a primitive or boxed"
                + " number.", order, "\"grand_total\"");
    }

    @Test
    void marketingOptinTakesNoOtherTypeThanAStringOrAMappedEnum() {
        JavaFileObject customer = source("test.Customer", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaContact
                public class Customer {
                    @OmetriaField("id") public Long id;
                    @OmetriaField("email") public String email;
                    @OmetriaField("marketing_optin") public Boolean consent;
                }
                """);
        assertError(compiler.compile(customer), OmetriaDiagnostic.TYPE_MISMATCH, "field Customer.consent of type"
                + " java.lang.Boolean cannot be written to 'marketing_optin', a JSON string. Use"
                + " dev.ometriasync.annotation.MarketingOptin, String, or an enum whose constants are"
                + " EXPLICITLY_OPTEDIN, EXPLICITLY_OPTEDOUT, NOT_SPECIFIED (by name or @OmetriaValue).", customer,
                "\"marketing_optin\"");
    }

    @Test
    @Covers(OmetriaDiagnostic.DUPLICATE_FIELD)
    void twoMembersMappedToOneField() {
        JavaFileObject customer = source("test.Customer", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaContact
                public class Customer {
                    @OmetriaField("id") public Long id;
                    @OmetriaField("email") public String email;
                    @OmetriaField("email") public String workEmail;
                }
                """);
        assertError(compiler.compile(customer), OmetriaDiagnostic.DUPLICATE_FIELD, "field Customer.workEmail maps 'email',"
                + " which field Customer.email already maps. Remove one of the two mappings.", customer,
                "\"email\") public String workEmail");
    }

    @Test
    void wholePropertiesMapAndSinglePropertiesConflict() {
        JavaFileObject order = source("test.Order", """
                package test;
                import dev.ometriasync.annotation.*;
                import java.util.Map;
                @OmetriaOrder
                public class Order {
                    @OmetriaField("id") public String id;
                    @OmetriaField("properties") public Map<String, Object> extras;
                    @OmetriaProperty("gift") public Boolean gift;
                }
                """);
        assertError(compiler.compile(order), OmetriaDiagnostic.DUPLICATE_FIELD, "field Order.gift maps 'properties.gift', which"
                + " field Order.extras already maps.", order, "\"gift\"");
    }

    @Test
    @Covers(OmetriaDiagnostic.UNREADABLE_MEMBER)
    void privateFieldWithoutGetter() {
        JavaFileObject customer = source("test.Customer", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaContact
                public class Customer {
                    @OmetriaField("id") public Long id;
                    @OmetriaField("email") private String email;
                }
                """);
        assertError(compiler.compile(customer), OmetriaDiagnostic.UNREADABLE_MEMBER, "field Customer.email cannot be read by the"
                + " generated serializer in package 'test': field 'email' is private and has no getter; add getEmail()"
                + " (or Lombok @Getter)", customer, "@OmetriaField(\"email\")");
    }

    @Test
    void entityReferenceNeedsAGetterSoThatProxiesLoad() {
        JavaFileObject buyer = source("test.Buyer", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaContact
                public class Buyer {
                    @OmetriaField("id") public Long id;
                    @OmetriaField("customer_id") public String account;
                }
                """);
        JavaFileObject order = source("test.Order", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaOrder
                public class Order {
                    @OmetriaField("id") public String id;
                    @OmetriaField("customer") Buyer buyer;
                }
                """);
        assertError(compiler.compile(buyer, order), OmetriaDiagnostic.UNREADABLE_MEMBER, "field Order.buyer cannot be read by"
                + " the generated serializer in package 'test': it references another entity, which must be read"
                + " through a getter so that Hibernate's lazy proxies load; add getBuyer()", order,
                "@OmetriaField(\"customer\")");
    }

    @Test
    void protectedGetterInAnotherPackage() {
        JavaFileObject base = source("base.Base", """
                package base;
                import dev.ometriasync.annotation.*;
                public abstract class Base {
                    @OmetriaField("id") private Long id;
                    protected Long getId() { return id; }
                }
                """);
        JavaFileObject product = source("shop.Product", """
                package shop;
                import dev.ometriasync.annotation.*;
                @OmetriaProduct
                public class Product extends base.Base {
                }
                """);
        assertError(compiler.compile(base, product), OmetriaDiagnostic.UNREADABLE_MEMBER, "field Base.id cannot be read by the"
                + " generated serializer in package 'shop': its getter getId() is protected in another package;"
                + " make the getter public", base, "@OmetriaField(\"id\")");
    }

    @Test
    @Covers(OmetriaDiagnostic.NOT_A_GETTER)
    void annotatedMethodWithParameters() {
        JavaFileObject customer = source("test.Customer", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaContact
                public class Customer {
                    @OmetriaField("id") public Long id;
                    @OmetriaField("email") public String emailFor(String domain) { return "a@" + domain; }
                }
                """);
        assertError(compiler.compile(customer), OmetriaDiagnostic.NOT_A_GETTER, "method Customer.emailFor() is not a getter: it"
                + " takes parameters. Annotate the field instead, or a method named get<Name>() / is<Name>() /"
                + " <name>() without parameters that returns the value.", customer, "@OmetriaField(\"email\")");
    }

    @Test
    void derivedMethodNamesNoProperty() {
        JavaFileObject customer = source("test.Customer", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaContact
                public class Customer {
                    @OmetriaField("id") public Long id;
                    @OmetriaField("email") public String email;
                    @OmetriaField("firstname") public String computeName() { return "x"; }
                }
                """);
        assertError(compiler.compile(customer), OmetriaDiagnostic.NOT_A_GETTER, "method Customer.computeName() is not a getter:"
                + " 'computeName' names no property of Customer, so a change to it could never be detected.",
                customer, "@OmetriaField(\"firstname\")");
    }

    @Test
    @Covers(OmetriaDiagnostic.ZONE_REQUIRED)
    void localDateTimeWithoutZone() {
        JavaFileObject customer = source("test.Customer", """
                package test;
                import dev.ometriasync.annotation.*;
                import java.time.LocalDateTime;
                @OmetriaContact
                public class Customer {
                    @OmetriaField("id") public Long id;
                    @OmetriaField("email") public String email;
                    @OmetriaField("timestamp_acquired") public LocalDateTime acquired;
                }
                """);
        assertError(compiler.compile(customer), OmetriaDiagnostic.ZONE_REQUIRED, "field Customer.acquired is a LocalDateTime"
                + " mapped to timestamp 'timestamp_acquired', which needs an offset. Say which zone the value is in,"
                + " for example @OmetriaField(value = \"timestamp_acquired\", zone = \"UTC\"), or use Instant /"
                + " OffsetDateTime.", customer, "\"timestamp_acquired\"");
    }

    @Test
    @Covers(OmetriaDiagnostic.INVALID_ZONE)
    void misspeltZone() {
        JavaFileObject customer = source("test.Customer", """
                package test;
                import dev.ometriasync.annotation.*;
                import java.time.LocalDateTime;
                @OmetriaContact
                public class Customer {
                    @OmetriaField("id") public Long id;
                    @OmetriaField("email") public String email;
                    @OmetriaField(value = "timestamp_acquired", zone = "Europe/Londn") public LocalDateTime acquired;
                }
                """);
        assertError(compiler.compile(customer), OmetriaDiagnostic.INVALID_ZONE, "zone \"Europe/Londn\" is not a time zone id."
                + " Did you mean \"Europe/London\"?", customer, "\"Europe/Londn\"",
                // ECJ marks the whole attribute (name = value), javac the value.
                "zone = \"Europe/Londn\"");
    }

    @Test
    @Covers(OmetriaDiagnostic.NESTED_TYPE_NOT_ANNOTATED)
    void customerTypeWithoutContactAnnotation() {
        JavaFileObject buyer = source("test.Buyer", """
                package test;
                public class Buyer {
                    public String email;
                }
                """);
        JavaFileObject order = source("test.Order", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaOrder
                public class Order {
                    @OmetriaField("id") public String id;
                    @OmetriaField("customer") public Buyer buyer;
                }
                """);
        assertError(compiler.compile(buyer, order), OmetriaDiagnostic.NESTED_TYPE_NOT_ANNOTATED, "field Order.buyer is mapped to"
                + " 'customer', so its type test.Buyer must be annotated @OmetriaContact.", order, "\"customer\"");
    }

    @Test
    void lineItemCollectionElementWithoutAnnotation() {
        JavaFileObject line = source("test.Line", """
                package test;
                public class Line {
                }
                """);
        JavaFileObject order = source("test.Order", """
                package test;
                import dev.ometriasync.annotation.*;
                import java.util.Set;
                @OmetriaOrder
                public class Order {
                    @OmetriaField("id") public String id;
                    @OmetriaField("lineitems") public Set<Line> lines;
                }
                """);
        assertError(compiler.compile(line, order), OmetriaDiagnostic.NESTED_TYPE_NOT_ANNOTATED, "field Order.lines is mapped to"
                + " 'lineitems', so its type test.Line must be annotated @OmetriaLineItem.", order, "\"lineitems\"");
    }

    @Test
    void productReferenceWithoutProductAnnotation() {
        JavaFileObject item = source("test.Item", """
                package test;
                public class Item {
                }
                """);
        JavaFileObject line = source("test.Line", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaLineItem
                public class Line {
                    @OmetriaField("product_id") public Item getItem() { return null; }
                    @OmetriaField("quantity") public int quantity;
                    @OmetriaField("unit_price") public double price;
                }
                """);
        assertError(compiler.compile(item, line), OmetriaDiagnostic.NESTED_TYPE_NOT_ANNOTATED, "method Line.getItem() is mapped"
                + " to 'product_id', so its type test.Item must be annotated @OmetriaProduct.", line, "\"product_id\"");
    }

    @Test
    @Covers(OmetriaDiagnostic.EMPTY_PROPERTY_NAME)
    void blankPropertyName() {
        JavaFileObject customer = source("test.Customer", """
                package test;
                import dev.ometriasync.annotation.*;
                @OmetriaContact
                public class Customer {
                    @OmetriaField("id") public Long id;
                    @OmetriaField("email") public String email;
                    @OmetriaProperty(" ") public String tier;
                }
                """);
        assertError(compiler.compile(customer), OmetriaDiagnostic.EMPTY_PROPERTY_NAME, "field Customer.tier has a blank"
                + " @OmetriaProperty name. Give the key it is written under in 'properties', for example"
                + " @OmetriaProperty(\"loyalty_tier\").", customer, "\" \"");
    }
}
