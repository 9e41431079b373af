package shop;

import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaOrder;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;

@Entity
@OmetriaOrder
public class Order {
    @Id @OmetriaField("id") private String number;
    @OmetriaField("timestamp") private Instant placedAt;
    @OmetriaField("status") private String status;
    @OmetriaField("is_valid") private boolean valid;
    @OmetriaField("currency") private Currency currency;
    @OmetriaField("grand_total") private BigDecimal total;
    @OmetriaField("shipping") private Double shipping;
    @ManyToOne @OmetriaField("customer") private Customer customer;
    @OneToMany @OmetriaField("lineitems") private List<OrderLine> lines;
    @Embedded @OmetriaField("shipping_address") private Address shipTo;
    @OmetriaField("properties") private Map<String, Object> extras;

    public String getNumber() { return number; }
    public Instant getPlacedAt() { return placedAt; }
    public String getStatus() { return status; }
    public boolean isValid() { return valid; }
    public Currency getCurrency() { return currency; }
    public BigDecimal getTotal() { return total; }
    public Double getShipping() { return shipping; }
    public Customer getCustomer() { return customer; }
    public List<OrderLine> getLines() { return lines; }
    public Address getShipTo() { return shipTo; }
    public Map<String, Object> getExtras() { return extras; }
}
