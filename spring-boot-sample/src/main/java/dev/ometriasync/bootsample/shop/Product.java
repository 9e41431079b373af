package dev.ometriasync.bootsample.shop;

import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaProduct;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;

/** A catalogue item, sent to Ometria as a product whose id is the SKU. */
@Entity
@OmetriaProduct
public class Product {

    @Id
    @OmetriaField("id")
    private String sku;

    @Column(nullable = false)
    @OmetriaField("title")
    private String title;

    @Column(nullable = false, precision = 10, scale = 2)
    @OmetriaField("price")
    private BigDecimal price;

    @OmetriaField("url")
    private String url;

    protected Product() {
    }

    public Product(String sku, String title, BigDecimal price, String url) {
        this.sku = sku;
        this.title = title;
        this.price = price;
        this.url = url;
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

    public String getUrl() {
        return url;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }
}
