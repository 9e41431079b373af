package dev.ometriasync.sample.shop;

import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaOrder;
import dev.ometriasync.annotation.OmetriaProperty;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * An order: the customer, both addresses and the lines are nested objects of the Ometria record. A
 * cancelled order stays in Ometria with {@code status: CANCELLED} and {@code is_valid: false}, which takes
 * its revenue out of Ometria's reporting.
 */
@Entity
@Table(name = "purchase_order")
@OmetriaOrder
public class PurchaseOrder {

    @Id
    @GeneratedValue
    @OmetriaField("id")
    private Long id;

    @Column(nullable = false)
    @OmetriaField("timestamp")
    private OffsetDateTime placedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    @OmetriaField("status")
    private OrderStatus status = OrderStatus.PENDING;

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

    @Embedded
    @AttributeOverride(name = "firstName", column = @Column(name = "ship_firstname"))
    @AttributeOverride(name = "lastName", column = @Column(name = "ship_lastname"))
    @AttributeOverride(name = "street", column = @Column(name = "ship_street"))
    @AttributeOverride(name = "city", column = @Column(name = "ship_city"))
    @AttributeOverride(name = "postcode", column = @Column(name = "ship_postcode"))
    @AttributeOverride(name = "countryCode", column = @Column(name = "ship_country"))
    @OmetriaField("shipping_address")
    private PostalAddress shippingAddress;

    @Embedded
    @AttributeOverride(name = "firstName", column = @Column(name = "bill_firstname"))
    @AttributeOverride(name = "lastName", column = @Column(name = "bill_lastname"))
    @AttributeOverride(name = "street", column = @Column(name = "bill_street"))
    @AttributeOverride(name = "city", column = @Column(name = "bill_city"))
    @AttributeOverride(name = "postcode", column = @Column(name = "bill_postcode"))
    @AttributeOverride(name = "countryCode", column = @Column(name = "bill_country"))
    @OmetriaField("billing_address")
    private PostalAddress billingAddress;

    @OmetriaProperty("gift_wrap")
    private boolean giftWrap;

    private OffsetDateTime updatedAt;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public OffsetDateTime getPlacedAt() {
        return placedAt;
    }

    public void setPlacedAt(OffsetDateTime placedAt) {
        this.placedAt = placedAt;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public void setStatus(OrderStatus status) {
        this.status = status;
    }

    public boolean isValid() {
        return valid;
    }

    public void setValid(boolean valid) {
        this.valid = valid;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public BigDecimal getGrandTotal() {
        return grandTotal;
    }

    public void setGrandTotal(BigDecimal grandTotal) {
        this.grandTotal = grandTotal;
    }

    public Customer getCustomer() {
        return customer;
    }

    public void setCustomer(Customer customer) {
        this.customer = customer;
    }

    public List<OrderLine> getLines() {
        return lines;
    }

    /**
     * Adds a line and updates the grand total.
     *
     * @param line the new line
     */
    public void addLine(OrderLine line) {
        line.setOrder(this);
        lines.add(line);
        grandTotal = grandTotal.add(line.getSubtotal());
    }

    public PostalAddress getShippingAddress() {
        return shippingAddress;
    }

    public void setShippingAddress(PostalAddress shippingAddress) {
        this.shippingAddress = shippingAddress;
    }

    public PostalAddress getBillingAddress() {
        return billingAddress;
    }

    public void setBillingAddress(PostalAddress billingAddress) {
        this.billingAddress = billingAddress;
    }

    public boolean isGiftWrap() {
        return giftWrap;
    }

    public void setGiftWrap(boolean giftWrap) {
        this.giftWrap = giftWrap;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(OffsetDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }
}
