package dev.ometriasync.bootcheck.shop;

import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaProduct;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;

/** A catalogue product; its Ometria id is the SKU, not the database key. */
@Entity
@OmetriaProduct
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 32)
    @OmetriaField("id")
    private String sku;

    @Column(nullable = false)
    @OmetriaField("title")
    private String title;

    @Column(nullable = false, precision = 10, scale = 2)
    @OmetriaField("price")
    private BigDecimal price;

    @OmetriaField("is_active")
    private boolean active = true;

    protected Product() {
    }

    public Product(String sku, String title, BigDecimal price) {
        this.sku = sku;
        this.title = title;
        this.price = price;
    }

    public Long getId() {
        return id;
    }

    public String getSku() {
        return sku;
    }

    public String getTitle() {
        return title;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
