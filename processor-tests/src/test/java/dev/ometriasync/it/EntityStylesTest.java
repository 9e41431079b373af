package dev.ometriasync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ometriasync.annotation.MarketingOptin;
import dev.ometriasync.it.events.NewsletterSignup;
import dev.ometriasync.it.events.WishlistAdded;
import dev.ometriasync.it.shop.Catalog;
import dev.ometriasync.it.shop.Customer;
import dev.ometriasync.it.shop.DigitalProduct;
import dev.ometriasync.it.shop.GiftCard;
import dev.ometriasync.it.shop.OrderLine;
import dev.ometriasync.it.shop.Product;
import dev.ometriasync.it.shop.PurchaseOrder;
import dev.ometriasync.runtime.OmetriaRecords;
import dev.ometriasync.runtime.OmetriaSerializers;
import dev.ometriasync.schema.RecordType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each way JPA users write entities, compiled by the normal Maven build, written as Ometria expects. */
class EntityStylesTest {

    @Test
    void mappedSuperclassInAnotherPackageSuppliesTheId() {
        Customer customer = new Customer();
        customer.setId(7L);
        customer.setEmail("grace@example.com");
        assertThat(OmetriaRecords.toJson(customer))
                .isEqualTo("{\"@type\":\"contact\",\"@collection\":\"webshop\",\"id\":\"7\",\"email\":\"grace@example.com\",\"store_ids\":[]}");
        assertThat(OmetriaSerializers.of(customer).mappedProperties()).contains("id", "updatedAt", "email");
    }

    @Test
    void inheritanceSubtypeWithoutAnnotationUsesItsRootsSerializer() {
        GiftCard card = new GiftCard("GC-50", "Gift card", new BigDecimal("50.00"), "Ada");
        assertThat(OmetriaRecords.toJson(card))
                .isEqualTo("{\"@type\":\"product\",\"id\":\"GC-50\",\"title\":\"Gift card\",\"price\":50.00,\"is_active\":true}");
    }

    @Test
    void annotatedInheritanceSubtypeWritesInheritedAndOwnMembers() {
        DigitalProduct ebook = new DigitalProduct("EB-1", "Notes on the Engine", new BigDecimal("9.99"),
                "https://shop.example/eb-1");
        assertThat(OmetriaRecords.toJson(ebook)).isEqualTo("{\"@type\":\"product\",\"id\":\"EB-1\","
                + "\"title\":\"Notes on the Engine\",\"price\":9.99,\"is_active\":true,\"url\":\"https://shop.example/eb-1\"}");
        assertThat(OmetriaRecords.toJson(ebook, Set.of("downloadUrl")))
                .isEqualTo("{\"@type\":\"product\",\"id\":\"EB-1\",\"url\":\"https://shop.example/eb-1\"}");
    }

    @Test
    void nestedStaticEntityClass() {
        Catalog.Bundle bundle = new Catalog.Bundle(12, "Starter kit");
        bundle.getStores().addAll(List.of("uk", "de"));
        assertThat(OmetriaRecords.toJson(bundle)).isEqualTo("{\"@type\":\"product\",\"id\":\"12\",\"title\":\"Starter kit\","
                + "\"stores\":[\"uk\",\"de\"],\"is_variant\":false}");
        assertThat(OmetriaSerializers.of(bundle).getClass().getName())
                .isEqualTo("dev.ometriasync.it.shop.Catalog$BundleOmetriaSerializer");
    }

    @Test
    void lombokGetterEntityAsCustomEventWithZonedLocalDateTimeAndPropertiesMap() {
        WishlistAdded event = new WishlistAdded(UUID.fromString("00000000-0000-0000-0000-00000000002a"),
                LocalDateTime.of(2024, 7, 1, 12, 0), "ada@example.com");
        event.getDetails().put("product_ids", List.of("SKU-1", "SKU-2"));
        event.getDetails().put("total", new BigDecimal("12.50"));
        event.getDetails().put("gift", true);
        assertThat(OmetriaRecords.toJson(event)).isEqualTo("{\"@type\":\"custom_event\","
                + "\"id\":\"00000000-0000-0000-0000-00000000002a\",\"event_type\":\"wishlist_added\","
                + "\"timestamp\":\"2024-07-01T12:00:00+01:00\",\"identity_email\":\"ada@example.com\","
                + "\"properties\":{\"product_ids\":[\"SKU-1\",\"SKU-2\"],\"total\":12.50,\"gift\":true}}");
        assertThat(OmetriaSerializers.of(event).recordType()).isEqualTo(RecordType.CUSTOM_EVENT);
        event.setEmail(null);
        assertThat(OmetriaRecords.toJson(event, Set.of("email", "accountId")))
                .isEqualTo("{\"@type\":\"custom_event\",\"id\":\"00000000-0000-0000-0000-00000000002a\","
                        + "\"event_type\":\"wishlist_added\",\"identity_email\":null,\"identity_account_id\":null}");
    }

    @Test
    void lombokDataEntityAsContactWithLegacyDates() {
        NewsletterSignup signup = new NewsletterSignup();
        signup.setId(3L);
        signup.setEmail("ada@example.com");
        signup.setOptin(MarketingOptin.EXPLICITLY_OPTEDOUT);
        signup.setForced(true);
        // java.sql.Date has no time part and throws from toInstant(); it is written through epoch millis.
        signup.setSubscribedAt(new java.sql.Date(Instant.parse("2024-02-29T00:00:00Z").toEpochMilli()));
        signup.getLists().add(NewsletterSignup.Newsletter.OFFERS);
        signup.getLists().add(NewsletterSignup.Newsletter.WEEKLY);
        assertThat(OmetriaRecords.toJson(signup)).isEqualTo("{\"@type\":\"contact\",\"@collection\":\"newsletter\","
                + "\"id\":\"3\",\"email\":\"ada@example.com\",\"marketing_optin\":\"EXPLICITLY_OPTEDOUT\","
                + "\"timestamp_subscribed\":\"2024-02-29T00:00:00+00:00\",\"@force_optin\":true,"
                + "\"@add_to_lists\":[\"weekly-digest\",\"OFFERS\"]}");
        signup.setSubscribedAt(java.sql.Timestamp.from(Instant.parse("2024-02-29T10:11:12.345Z")));
        signup.setOptin(null);
        assertThat(OmetriaRecords.toJson(signup, Set.of("subscribedAt", "optin")))
                .isEqualTo("{\"@type\":\"contact\",\"@collection\":\"newsletter\",\"id\":\"3\","
                        + "\"marketing_optin\":null,\"timestamp_subscribed\":\"2024-02-29T10:11:12.345+00:00\"}");
    }

    @Test
    void proxyLikeSubclassIsReadThroughGetters() {
        // Hibernate's lazy proxies are subclasses whose own fields stay empty and whose getters load the target.
        Customer target = new Customer();
        target.setId(9L);
        target.setAccountRef("ACC-9");
        target.setEmail("proxy@example.com");
        Customer proxy = new Customer() {
            @Override
            public Long getId() {
                return target.getId();
            }

            @Override
            public String getAccountRef() {
                return target.getAccountRef();
            }

            @Override
            public String getEmail() {
                return target.getEmail();
            }
        };
        assertThat(OmetriaRecords.toJson(proxy)).isEqualTo("{\"@type\":\"contact\",\"@collection\":\"webshop\",\"id\":\"9\","
                + "\"customer_id\":\"ACC-9\",\"email\":\"proxy@example.com\",\"store_ids\":[]}");
        PurchaseOrder order = new PurchaseOrder("SO-9");
        order.setCustomer(proxy);
        assertThat(OmetriaRecords.toJson(order, Set.of("customer")))
                .isEqualTo("{\"@type\":\"order\",\"id\":\"SO-9\",\"customer\":{\"id\":\"ACC-9\",\"email\":\"proxy@example.com\"}}");
    }

    @Test
    void lineItemsWithoutProductOrVariantsAndEmptyCollections() {
        PurchaseOrder order = new PurchaseOrder("SO-2");
        order.addLine(new OrderLine(null, 1, null));
        assertThat(OmetriaRecords.toJson(order)).isEqualTo("{\"@type\":\"order\",\"id\":\"SO-2\",\"is_valid\":true,"
                + "\"lineitems\":[{\"quantity\":1,\"variant_options\":[]}],\"properties\":{\"gift_wrap\":false}}");
    }

    @Test
    void idlessEntityHasNoIdAndCannotBecomeARecord() {
        Product product = new Product(null, "Draft", null);
        assertThat(OmetriaRecords.toJson(product)).isEqualTo("{\"@type\":\"product\",\"title\":\"Draft\",\"is_active\":true}");
        assertThatThrownBy(() -> OmetriaRecords.toRecord(product, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no id");
    }
}
