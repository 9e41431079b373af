package dev.ometriasync.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.it.catalogue.ListedProduct;
import dev.ometriasync.it.catalogue.ProductAttribute;
import dev.ometriasync.it.catalogue.ShopOrder;
import dev.ometriasync.it.catalogue.ShopOrderLine;
import dev.ometriasync.it.catalogue.StoreListing;
import dev.ometriasync.runtime.OmetriaRecords;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fields Ometria documents beyond the first catalogue, written by generated
 * serializers in the shapes Ometria documents: product {@code attributes} as {@code [{type, id|value, label}]}, store
 * listings as per-store objects, product {@code currency} as an ISO 4217 code, line-item {@code totals} as an object,
 * and a line item's embedded {@code product} object.
 */
class CatalogueFieldsJsonTest {

    static ListedProduct lamp() {
        ListedProduct lamp = new ListedProduct("LAMP-1", "Desk lamp", new BigDecimal("49.90"), Currency.getInstance("GBP"));
        lamp.getAttributes().add(ProductAttribute.option("colour", "12", "Red"));
        lamp.getAttributes().add(ProductAttribute.value("material", "brass", "Brass"));
        lamp.getListings().add(new StoreListing("uk", "Desk lamp", "https://shop.example/uk/lamp",
                new BigDecimal("49.90"), null, Currency.getInstance("GBP"), true));
        lamp.getListings().add(new StoreListing("fr", "Lampe de bureau", "https://shop.example/fr/lampe",
                new BigDecimal("59.00"), new BigDecimal("49.00"), Currency.getInstance("EUR"), false));
        return lamp;
    }

    static ShopOrder order() {
        ShopOrder order = new ShopOrder("SO-7", Instant.parse("2024-05-01T09:30:00Z"), new BigDecimal("59.88"),
                Currency.getInstance("GBP"));
        ShopOrderLine line = new ShopOrderLine(1001L, "LAMP-1", "Desk lamp", new BigDecimal("49.90"), 1,
                new BigDecimal("49.90"));
        line.getTotals().put("net", new BigDecimal("49.90"));
        line.getTotals().put("tax", new BigDecimal("9.98"));
        order.getLines().add(line);
        return order;
    }

    @Test
    void productWritesAttributesListingsAndCurrencyInOmetriasShape() {
        assertThat(OmetriaRecords.toJson(lamp())).isEqualTo("{\"@type\":\"product\",\"id\":\"LAMP-1\","
                + "\"title\":\"Desk lamp\",\"price\":49.90,\"currency\":\"GBP\","
                + "\"attributes\":[{\"type\":\"colour\",\"id\":\"12\",\"label\":\"Red\"},"
                + "{\"type\":\"material\",\"value\":\"brass\",\"label\":\"Brass\"}],"
                + "\"listings\":[{\"store_id\":\"uk\",\"title\":\"Desk lamp\",\"url\":\"https://shop.example/uk/lamp\","
                + "\"price\":49.90,\"store_currency\":\"GBP\",\"is_active\":true},"
                + "{\"store_id\":\"fr\",\"title\":\"Lampe de bureau\",\"url\":\"https://shop.example/fr/lampe\","
                + "\"price\":59.00,\"special_price\":49.00,\"store_currency\":\"EUR\",\"is_active\":false}]}");
    }

    @Test
    void aChangedAttributeListRewritesTheWholeArray() {
        // With @merge Ometria replaces attributes whole: a partial record carries the full set.
        ListedProduct lamp = lamp();
        lamp.getAttributes().remove(0);
        assertThat(OmetriaRecords.toJson(lamp, Set.of("attributes"))).isEqualTo("{\"@type\":\"product\",\"id\":\"LAMP-1\","
                + "\"attributes\":[{\"type\":\"material\",\"value\":\"brass\",\"label\":\"Brass\"}]}");
    }

    @Test
    void lineItemWritesItsEmbeddedProductAndTotals() {
        assertThat(OmetriaRecords.toJson(order())).isEqualTo("{\"@type\":\"order\",\"id\":\"SO-7\","
                + "\"timestamp\":\"2024-05-01T09:30:00+00:00\",\"grand_total\":59.88,\"currency\":\"GBP\","
                + "\"lineitems\":[{\"product\":{\"id\":\"1001\",\"sku\":\"LAMP-1\",\"title\":\"Desk lamp\","
                + "\"price\":49.90},\"quantity\":1,\"unit_price\":49.90,\"totals\":{\"net\":49.90,\"tax\":9.98}}]}");
    }
}
