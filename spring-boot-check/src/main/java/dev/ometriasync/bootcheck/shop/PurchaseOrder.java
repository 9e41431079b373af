package dev.ometriasync.bootcheck.shop;

import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaOrder;
import dev.ometriasync.annotation.OmetriaProperty;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** An order with its lines; a cancelled order stays in Ometria with status CANCELLED and is_valid false. */
@Entity
@Table(name = "purchase_order")
@OmetriaOrder
public class PurchaseOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @OmetriaField("id")
    private Long id;

    @Column(nullable = false)
    @OmetriaField("timestamp")
    private OffsetDateTime placedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    @OmetriaField("status")
    private OrderStatus status = OrderStatus.PLACED;

    @OmetriaField("is_valid")
    private boolean valid = true;

    @Column(nullable = false, length = 3)
    @OmetriaField("currency")
    private String currency;

    @Column(nullable = false, precision = 12, scale = 2)
    @OmetriaField("grand_total")
    private BigDecimal grandTotal = BigDecimal.ZERO;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @OmetriaField("customer")
    private Customer customer;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("id")
    @OmetriaField("lineitems")
    private List<OrderLine> lines = new ArrayList<>();

    @OmetriaProperty("gift_wrap")
    private boolean giftWrap;

    protected PurchaseOrder() {
    }

    public PurchaseOrder(Customer customer, String currency, OffsetDateTime placedAt) {
        this.customer = customer;
        this.currency = currency;
        this.placedAt = placedAt;
    }

    /**
     * Adds a line and keeps the grand total in step.
     *
     * @param line the new line
     */
    public void addLine(OrderLine line) {
        line.setOrder(this);
        lines.add(line);
        grandTotal = grandTotal.add(line.getSubtotal());
    }

    /** Cancels the order: Ometria takes it out of revenue through {@code is_valid: false}. */
    public void cancel() {
        status = OrderStatus.CANCELLED;
        valid = false;
    }

    public Long getId() {
        return id;
    }

    public OffsetDateTime getPlacedAt() {
        return placedAt;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public boolean isValid() {
        return valid;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getGrandTotal() {
        return grandTotal;
    }

    public Customer getCustomer() {
        return customer;
    }

    public List<OrderLine> getLines() {
        return lines;
    }

    public boolean isGiftWrap() {
        return giftWrap;
    }

    public void setGiftWrap(boolean giftWrap) {
        this.giftWrap = giftWrap;
    }
}
