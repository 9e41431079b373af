package dev.ometriasync.benchmarks.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaLineItem;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** An order line; the product is referenced by its Ometria id (a SKU string). */
@Entity
@Table(name = "bench_line_item")
@OmetriaLineItem
@JsonPropertyOrder({"product_id", "sku", "quantity", "unit_price", "subtotal", "total", "is_on_sale"})
public class BenchLineItem {

    @Id
    @GeneratedValue
    @JsonIgnore
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JsonIgnore
    private BenchOrder order;

    @JsonIgnore
    private int position;

    @OmetriaField("product_id")
    @JsonProperty("product_id")
    private String productId;

    @OmetriaField("sku")
    @JsonProperty("sku")
    private String sku;

    @OmetriaField("quantity")
    @JsonProperty("quantity")
    private int quantity;

    @OmetriaField("unit_price")
    @JsonProperty("unit_price")
    private BigDecimal unitPrice;

    @OmetriaField("subtotal")
    @JsonProperty("subtotal")
    private BigDecimal subtotal;

    @OmetriaField("total")
    @JsonProperty("total")
    private BigDecimal total;

    @OmetriaField("is_on_sale")
    @JsonProperty("is_on_sale")
    private Boolean onSale;

    /** For JPA. */
    protected BenchLineItem() {
    }

    /**
     * @param productId the product's Ometria id
     * @param sku the variant's SKU
     * @param quantity quantity
     * @param unitPrice price of one unit
     * @param onSale whether the line was sold at a special price
     */
    public BenchLineItem(String productId, String sku, int quantity, BigDecimal unitPrice, Boolean onSale) {
        this.productId = productId;
        this.sku = sku;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.subtotal = unitPrice.multiply(BigDecimal.valueOf(quantity));
        this.total = subtotal;
        this.onSale = onSale;
    }

    void attach(BenchOrder owner, int index) {
        this.order = owner;
        this.position = index;
    }

    @JsonIgnore
    public Long getId() {
        return id;
    }

    @JsonIgnore
    public BenchOrder getOrder() {
        return order;
    }

    public String getProductId() {
        return productId;
    }

    public String getSku() {
        return sku;
    }

    public int getQuantity() {
        return quantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public BigDecimal getSubtotal() {
        return subtotal;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public Boolean getOnSale() {
        return onSale;
    }
}
