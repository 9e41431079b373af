package shop;

import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaLineItem;
import dev.ometriasync.annotation.OmetriaProperty;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.util.Set;

@Entity
@OmetriaLineItem
public class OrderLine {
    @Id private Long id;
    @ManyToOne @OmetriaField("product_id") private Catalog.Product product;
    @OmetriaField("quantity") private int quantity;
    @OmetriaField("unit_price") private BigDecimal unitPrice;
    @OmetriaField("discount") private float discount;
    @ElementCollection @OmetriaField("variant_options") private Set<Size> sizes;
    @OmetriaProperty("engraving") private String engraving;

    public Catalog.Product getProduct() { return product; }
    public int getQuantity() { return quantity; }
    public BigDecimal getUnitPrice() { return unitPrice; }
    public float getDiscount() { return discount; }
    public Set<Size> getSizes() { return sizes; }
    public String getEngraving() { return engraving; }
}
