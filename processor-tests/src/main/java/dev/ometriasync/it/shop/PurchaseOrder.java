package dev.ometriasync.it.shop;

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
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** An order: customer, addresses and lines are nested objects of the Ometria record. */
@Entity
@Table(name = "purchase_order")
@OmetriaOrder
public class PurchaseOrder {

    @Id
    @OmetriaField("id")
    private String number;

    @OmetriaField("timestamp")
    private OffsetDateTime placedAt;

    @OmetriaField("grand_total")
    private BigDecimal total;

    @OmetriaField("currency")
    private Currency currency;

    @Enumerated(EnumType.STRING)
    @OmetriaField("status")
    private OrderStatus status;

    @OmetriaField("is_valid")
    private boolean valid = true;

    @ManyToOne(fetch = FetchType.LAZY)
    @OmetriaField("customer")
    private Customer customer;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OmetriaField("lineitems")
    private List<OrderLine> lines = new ArrayList<>();

    @Embedded
    @OmetriaField("shipping_address")
    private ShippingAddress shipTo;

    @Embedded
    @AttributeOverride(name = "city", column = @Column(name = "billing_city"))
    @OmetriaField("billing_address")
    private BillingAddress billTo;

    @OmetriaProperty("gift_wrap")
    private boolean giftWrap;

    protected PurchaseOrder() {
    }

    public PurchaseOrder(String number) {
        this.number = number;
    }

    public String getNumber() {
        return number;
    }

    public OffsetDateTime getPlacedAt() {
        return placedAt;
    }

    public void setPlacedAt(OffsetDateTime placedAt) {
        this.placedAt = placedAt;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public void setTotal(BigDecimal total) {
        this.total = total;
    }

    public Currency getCurrency() {
        return currency;
    }

    public void setCurrency(Currency currency) {
        this.currency = currency;
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

    public Customer getCustomer() {
        return customer;
    }

    public void setCustomer(Customer customer) {
        this.customer = customer;
    }

    public List<OrderLine> getLines() {
        return lines;
    }

    public void addLine(OrderLine line) {
        line.setOrder(this);
        lines.add(line);
    }

    public ShippingAddress getShipTo() {
        return shipTo;
    }

    public void setShipTo(ShippingAddress shipTo) {
        this.shipTo = shipTo;
    }

    public BillingAddress getBillTo() {
        return billTo;
    }

    public void setBillTo(BillingAddress billTo) {
        this.billTo = billTo;
    }

    public boolean isGiftWrap() {
        return giftWrap;
    }

    public void setGiftWrap(boolean giftWrap) {
        this.giftWrap = giftWrap;
    }
}
