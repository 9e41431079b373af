package dev.ometriasync.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.it.shop.BillingAddress;
import dev.ometriasync.it.shop.Customer;
import dev.ometriasync.it.shop.OrderLine;
import dev.ometriasync.it.shop.OrderStatus;
import dev.ometriasync.it.shop.Product;
import dev.ometriasync.it.shop.PurchaseOrder;
import dev.ometriasync.it.shop.ShippingAddress;
import dev.ometriasync.runtime.OmetriaRecords;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderJsonTest {

    @Test
    void fullOrderWithCustomerAddressesAndLines() {
        PurchaseOrder order = order();
        assertThat(OmetriaRecords.toJson(order)).isEqualTo("{\"@type\":\"order\",\"id\":\"SO-1001\","
                + "\"timestamp\":\"2024-05-01T09:30:00+02:00\",\"grand_total\":1000,\"currency\":\"EUR\","
                + "\"status\":\"COMPLETE\",\"is_valid\":true,"
                + "\"customer\":{\"id\":\"ACC-42\",\"email\":\"ada@example.com\",\"firstname\":\"Ada\"},"
                + "\"lineitems\":[{\"product_id\":\"SKU-1\",\"quantity\":2,\"unit_price\":450.50,"
                + "\"variant_options\":[{\"id\":\"M\",\"type\":\"size\",\"label\":\"Medium\"}],"
                + "\"properties\":{\"gift_message\":\"Happy birthday\"}},"
                + "{\"product_id\":\"SKU-2\",\"quantity\":1,\"unit_price\":99,\"is_on_sale\":true,\"variant_options\":[]}],"
                + "\"shipping_address\":{\"firstname\":\"Ada\",\"lastname\":\"Lovelace\",\"city\":\"London\","
                + "\"postcode\":\"N1 9GU\",\"country_code\":\"GB\"},"
                + "\"billing_address\":{\"city\":\"Dublin\",\"country_code\":\"IE\"},"
                + "\"properties\":{\"gift_wrap\":false}}");
    }

    @Test
    void partialOrderRewritesChangedNestedObjectsWholeAndNullsClearedFields() {
        PurchaseOrder order = order();
        order.setShipTo(null);
        order.setStatus(OrderStatus.CANCELLED);
        order.setValid(false);
        assertThat(OmetriaRecords.toJson(order, Set.of("status", "valid", "shipTo", "billTo", "unmapped")))
                .isEqualTo("{\"@type\":\"order\",\"id\":\"SO-1001\",\"status\":\"CANCELLED\",\"is_valid\":false,"
                        + "\"shipping_address\":null,\"billing_address\":{\"city\":\"Dublin\",\"country_code\":\"IE\"}}");
    }

    @Test
    void productRecord() {
        Product product = new Product("SKU-1", "Analytical Engine", new BigDecimal("1E+3"));
        assertThat(OmetriaRecords.toJson(product))
                .isEqualTo("{\"@type\":\"product\",\"id\":\"SKU-1\",\"title\":\"Analytical Engine\",\"price\":1000,"
                        + "\"is_active\":true}");
    }

    @Test
    void notANumberIsRejectedWithTheFieldNotWritten() {
        Product product = new Product("SKU-1", "Engine", BigDecimal.TEN);
        product.setSpecialPrice(8.5);
        product.setSaleFrom(java.time.LocalDate.of(2024, 12, 24));
        assertThat(OmetriaRecords.toJson(product, Set.of("specialPrice", "saleFrom")))
                .isEqualTo("{\"@type\":\"product\",\"id\":\"SKU-1\",\"special_price\":8.5,"
                        + "\"special_price_dt_from\":\"2024-12-24\"}");
        product.setSpecialPrice(Double.NaN);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OmetriaRecords.toJson(product))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Ometria field 'special_price' is NaN: JSON numbers must be finite; map a BigDecimal or"
                        + " check the value before saving");
    }

    static PurchaseOrder order() {
        Customer customer = new Customer();
        customer.setId(42L);
        customer.setAccountRef("ACC-42");
        customer.setEmail("ada@example.com");
        customer.setFirstName("Ada");
        PurchaseOrder order = new PurchaseOrder("SO-1001");
        order.setPlacedAt(OffsetDateTime.of(2024, 5, 1, 9, 30, 0, 0, ZoneOffset.ofHours(2)));
        order.setTotal(new BigDecimal("1E+3"));
        order.setCurrency(Currency.getInstance("EUR"));
        order.setStatus(OrderStatus.COMPLETE);
        order.setCustomer(customer);
        OrderLine first = new OrderLine(new Product("SKU-1", "Engine", new BigDecimal("450.50")), 2, new BigDecimal("450.50"));
        first.getOptions().add(new dev.ometriasync.it.shop.VariantChoice("M", "size", "Medium"));
        first.setGiftMessage("Happy birthday");
        order.addLine(first);
        OrderLine second = new OrderLine(new Product("SKU-2", "Loom", new BigDecimal("99")), 1, new BigDecimal("99"));
        second.setOnSale(true);
        order.addLine(second);
        order.setShipTo(new ShippingAddress("Ada", "Lovelace", "London", "N1 9GU", "GB"));
        order.setBillTo(new BillingAddress("Dublin", null, new Locale.Builder().setRegion("IE").build()));
        return order;
    }
}
