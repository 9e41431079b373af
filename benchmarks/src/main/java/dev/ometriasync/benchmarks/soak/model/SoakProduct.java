package dev.ometriasync.benchmarks.soak.model;

import dev.ometriasync.annotation.DeletePolicy;
import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaProduct;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A product; deleting one deactivates it in Ometria ({@code is_active: false}). */
@Entity
@Table(name = "soak_product")
@OmetriaProduct(onDelete = DeletePolicy.DEACTIVATE)
public class SoakProduct {

    @Id
    @Column(name = "id")
    @OmetriaField("id")
    private String id;

    @Column(name = "title")
    @OmetriaField("title")
    private String title;

    @Column(name = "price", precision = 12, scale = 2)
    @OmetriaField("price")
    private BigDecimal price;

    /** For JPA. */
    protected SoakProduct() {
    }

    /** @param id the product id, also its Ometria id */
    public SoakProduct(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }
}
