package dev.ometriasync.benchmarks.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaOrder;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** An order with scalar fields, a shipping address and line items, mapped for Ometria and for Jackson alike. */
@Entity
@Table(name = "bench_order")
@OmetriaOrder
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "@type")
@JsonTypeName("order")
@JsonPropertyOrder({"id", "timestamp", "status", "is_valid", "currency", "grand_total", "subtotal", "discount",
    "shipping", "tax", "channel", "store", "payment_method", "shipping_method", "shipping_address", "lineitems"})
public class BenchOrder {

    @Id
    @OmetriaField("id")
    @JsonProperty("id")
    private String number;

    @OmetriaField("timestamp")
    @JsonProperty("timestamp")
    @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = BenchContact.TIMESTAMP_PATTERN)
    private OffsetDateTime placedAt;

    @Enumerated(EnumType.STRING)
    @OmetriaField("status")
    @JsonProperty("status")
    private BenchOrderStatus status;

    @OmetriaField("is_valid")
    @JsonProperty("is_valid")
    private boolean valid = true;

    @OmetriaField("currency")
    @JsonProperty("currency")
    private Currency currency;

    @OmetriaField("grand_total")
    @JsonProperty("grand_total")
    private BigDecimal grandTotal;

    @OmetriaField("subtotal")
    @JsonProperty("subtotal")
    private BigDecimal subtotal;

    @OmetriaField("discount")
    @JsonProperty("discount")
    private BigDecimal discount;

    @OmetriaField("shipping")
    @JsonProperty("shipping")
    private BigDecimal shipping;

    @OmetriaField("tax")
    @JsonProperty("tax")
    private BigDecimal tax;

    @OmetriaField("channel")
    @JsonProperty("channel")
    private String channel;

    @OmetriaField("store")
    @JsonProperty("store")
    private String store;

    @OmetriaField("payment_method")
    @JsonProperty("payment_method")
    private String paymentMethod;

    @OmetriaField("shipping_method")
    @JsonProperty("shipping_method")
    private String shippingMethod;

    @Embedded
    @OmetriaField("shipping_address")
    @JsonProperty("shipping_address")
    private BenchAddress shipTo;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @OmetriaField("lineitems")
    @JsonProperty("lineitems")
    private List<BenchLineItem> lines = new ArrayList<>();

    /** For JPA and Jackson. */
    protected BenchOrder() {
    }

    /** @param number the order number, its Ometria id */
    public BenchOrder(String number) {
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

    public BenchOrderStatus getStatus() {
        return status;
    }

    public void setStatus(BenchOrderStatus status) {
        this.status = status;
    }

    public boolean isValid() {
        return valid;
    }

    public void setValid(boolean valid) {
        this.valid = valid;
    }

    public Currency getCurrency() {
        return currency;
    }

    public void setCurrency(Currency currency) {
        this.currency = currency;
    }

    public BigDecimal getGrandTotal() {
        return grandTotal;
    }

    public void setGrandTotal(BigDecimal grandTotal) {
        this.grandTotal = grandTotal;
    }

    public BigDecimal getSubtotal() {
        return subtotal;
    }

    public void setSubtotal(BigDecimal subtotal) {
        this.subtotal = subtotal;
    }

    public BigDecimal getDiscount() {
        return discount;
    }

    public void setDiscount(BigDecimal discount) {
        this.discount = discount;
    }

    public BigDecimal getShipping() {
        return shipping;
    }

    public void setShipping(BigDecimal shipping) {
        this.shipping = shipping;
    }

    public BigDecimal getTax() {
        return tax;
    }

    public void setTax(BigDecimal tax) {
        this.tax = tax;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getStore() {
        return store;
    }

    public void setStore(String store) {
        this.store = store;
    }

    public String getPaymentMethod() {
        return paymentMethod;
    }

    public void setPaymentMethod(String paymentMethod) {
        this.paymentMethod = paymentMethod;
    }

    public String getShippingMethod() {
        return shippingMethod;
    }

    public void setShippingMethod(String shippingMethod) {
        this.shippingMethod = shippingMethod;
    }

    public BenchAddress getShipTo() {
        return shipTo;
    }

    public void setShipTo(BenchAddress shipTo) {
        this.shipTo = shipTo;
    }

    public List<BenchLineItem> getLines() {
        return lines;
    }

    /** @param line a line to append; it gets this order as owner and the next position */
    public void addLine(BenchLineItem line) {
        line.attach(this, lines.size());
        lines.add(line);
    }
}
