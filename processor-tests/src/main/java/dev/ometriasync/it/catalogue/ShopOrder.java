package dev.ometriasync.it.catalogue;

import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaOrder;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OrderColumn;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** An order whose lines embed their products. */
@Entity
@OmetriaOrder
public class ShopOrder {

    @Id
    @OmetriaField("id")
    private String number;

    @OmetriaField("timestamp")
    private Instant placedAt;

    @OmetriaField("grand_total")
    private BigDecimal total;

    @OmetriaField("currency")
    private Currency currency;

    @ElementCollection
    @OrderColumn
    @OmetriaField("lineitems")
    private List<ShopOrderLine> lines = new ArrayList<>();

    protected ShopOrder() {
    }

    public ShopOrder(String number, Instant placedAt, BigDecimal total, Currency currency) {
        this.number = number;
        this.placedAt = placedAt;
        this.total = total;
        this.currency = currency;
    }

    public String getNumber() {
        return number;
    }

    public Instant getPlacedAt() {
        return placedAt;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public Currency getCurrency() {
        return currency;
    }

    public List<ShopOrderLine> getLines() {
        return lines;
    }
}
