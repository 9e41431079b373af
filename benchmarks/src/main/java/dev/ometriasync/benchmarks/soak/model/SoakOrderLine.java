package dev.ometriasync.benchmarks.soak.model;

import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaLineItem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** An order line; changing, adding or removing one re-sends its order's {@code lineitems}. */
@Entity
@Table(name = "soak_order_line")
@OmetriaLineItem
public class SoakOrderLine {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "soak_line_ids")
    @SequenceGenerator(name = "soak_line_ids", sequenceName = "soak_order_line_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "order_id")
    private SoakOrder order;

    @Column(name = "position")
    private int position;

    @Column(name = "product_id")
    @OmetriaField("product_id")
    private String productId;

    @Column(name = "quantity")
    @OmetriaField("quantity")
    private Integer quantity;

    @Column(name = "unit_price", precision = 12, scale = 2)
    @OmetriaField("unit_price")
    private BigDecimal unitPrice;

    /** For JPA. */
    protected SoakOrderLine() {
    }

    /**
     * @param productId the product's Ometria id
     * @param quantity how many
     * @param unitPrice price of one
     */
    public SoakOrderLine(String productId, int quantity, BigDecimal unitPrice) {
        this.productId = productId;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }

    void attach(SoakOrder owner, int index) {
        this.order = owner;
        this.position = index;
    }

    public Long getId() {
        return id;
    }

    public SoakOrder getOrder() {
        return order;
    }

    public int getPosition() {
        return position;
    }

    public String getProductId() {
        return productId;
    }

    public Integer getQuantity() {
        return quantity;
    }

    public void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public void setUnitPrice(BigDecimal unitPrice) {
        this.unitPrice = unitPrice;
    }
}
