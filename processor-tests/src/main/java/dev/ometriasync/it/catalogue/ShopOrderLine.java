package dev.ometriasync.it.catalogue;

import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaLineItem;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An order line that embeds its product ({@code product.*}) instead of referencing it by {@code product_id},
 * and carries its totals.
 */
@Embeddable
@OmetriaLineItem
public class ShopOrderLine {

    @OmetriaField("product.id")
    private Long productNumber;

    @OmetriaField("product.sku")
    private String sku;

    @OmetriaField("product.title")
    private String title;

    @OmetriaField("product.price")
    private BigDecimal listPrice;

    @OmetriaField("quantity")
    private int quantity;

    @OmetriaField("unit_price")
    private BigDecimal unitPrice;

    @ElementCollection
    @OmetriaField("totals")
    private Map<String, BigDecimal> totals = new LinkedHashMap<>();

    protected ShopOrderLine() {
    }

    public ShopOrderLine(Long productNumber, String sku, String title, BigDecimal listPrice, int quantity,
            BigDecimal unitPrice) {
        this.productNumber = productNumber;
        this.sku = sku;
        this.title = title;
        this.listPrice = listPrice;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }

    public Long getProductNumber() {
        return productNumber;
    }

    public String getSku() {
        return sku;
    }

    public String getTitle() {
        return title;
    }

    public BigDecimal getListPrice() {
        return listPrice;
    }

    public int getQuantity() {
        return quantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public Map<String, BigDecimal> getTotals() {
        return totals;
    }
}
