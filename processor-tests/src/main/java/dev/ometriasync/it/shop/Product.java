package dev.ometriasync.it.shop;

import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaProduct;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A product, root of a single-table hierarchy; its Ometria id is the SKU, not a database key. */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind")
@OmetriaProduct
public class Product {

    @Id
    @OmetriaField("id")
    private String sku;

    @OmetriaField("title")
    private String title;

    @OmetriaField("price")
    private BigDecimal price;

    @OmetriaField("special_price")
    private Double specialPrice;

    @OmetriaField("special_price_dt_from")
    private LocalDate saleFrom;

    @OmetriaField("is_active")
    private boolean active;

    protected Product() {
    }

    public Product(String sku, String title, BigDecimal price) {
        this.sku = sku;
        this.title = title;
        this.price = price;
        this.active = true;
    }

    public String getSku() {
        return sku;
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

    public Double getSpecialPrice() {
        return specialPrice;
    }

    public void setSpecialPrice(Double specialPrice) {
        this.specialPrice = specialPrice;
    }

    public LocalDate getSaleFrom() {
        return saleFrom;
    }

    public void setSaleFrom(LocalDate saleFrom) {
        this.saleFrom = saleFrom;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
