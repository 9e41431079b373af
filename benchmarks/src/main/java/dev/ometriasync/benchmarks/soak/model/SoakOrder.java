package dev.ometriasync.benchmarks.soak.model;

import dev.ometriasync.annotation.DeletePolicy;
import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaOrder;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An order with line items; deleting one invalidates it in Ometria ({@code is_valid: false}). */
@Entity
@Table(name = "soak_order")
@OmetriaOrder(onDelete = DeletePolicy.DEACTIVATE)
public class SoakOrder {

    @Id
    @Column(name = "id")
    @OmetriaField("id")
    private String id;

    @Column(name = "placed_at")
    @OmetriaField("timestamp")
    private Instant placedAt;

    @Column(name = "status")
    @OmetriaField("status")
    private String status;

    @Column(name = "currency")
    @OmetriaField("currency")
    private String currency;

    @Column(name = "grand_total", precision = 12, scale = 2)
    @OmetriaField("grand_total")
    private BigDecimal grandTotal;

    @Column(name = "coupon_code")
    @OmetriaField("coupon_code")
    private String couponCode;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @OmetriaField("lineitems")
    private List<SoakOrderLine> lines = new ArrayList<>();

    /** For JPA. */
    protected SoakOrder() {
    }

    /** @param id the order number, also its Ometria id */
    public SoakOrder(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public Instant getPlacedAt() {
        return placedAt;
    }

    public void setPlacedAt(Instant placedAt) {
        this.placedAt = placedAt;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
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

    public String getCouponCode() {
        return couponCode;
    }

    public void setCouponCode(String couponCode) {
        this.couponCode = couponCode;
    }

    public List<SoakOrderLine> getLines() {
        return lines;
    }

    /** @param line appended with this order as owner and a position after every other line */
    public void addLine(SoakOrderLine line) {
        int next = lines.stream().mapToInt(SoakOrderLine::getPosition).max().orElse(-1) + 1;
        line.attach(this, next);
        lines.add(line);
    }
}
