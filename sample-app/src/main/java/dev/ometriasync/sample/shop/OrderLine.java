package dev.ometriasync.sample.shop;

import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaLineItem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;

/**
 * One line of an order. Its {@code product_id} is the referenced product's Ometria id (the SKU). Adding,
 * changing or removing a line re-sends the order's whole {@code lineitems} array.
 */
@Entity
@OmetriaLineItem
public class OrderLine {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private PurchaseOrder order;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @OmetriaField("product_id")
    private Product product;

    @OmetriaField("quantity")
    private int quantity;

    @Column(nullable = false, precision = 10, scale = 2)
    @OmetriaField("unit_price")
    private BigDecimal unitPrice;

    @Column(nullable = false, precision = 12, scale = 2)
    @OmetriaField("subtotal")
    private BigDecimal subtotal;

    protected OrderLine() {
    }

    /**
     * A line for a quantity of a product at a unit price.
     *
     * @param product the product
     * @param quantity how many
     * @param unitPrice the price of one
     */
    public OrderLine(Product product, int quantity, BigDecimal unitPrice) {
        this.product = product;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.subtotal = unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    public Long getId() {
        return id;
    }

    public PurchaseOrder getOrder() {
        return order;
    }

    void setOrder(PurchaseOrder order) {
        this.order = order;
    }

    public Product getProduct() {
        return product;
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
}
