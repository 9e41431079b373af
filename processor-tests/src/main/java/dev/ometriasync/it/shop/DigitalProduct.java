package dev.ometriasync.it.shop;

import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaProduct;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.math.BigDecimal;

/** An {@code @Inheritance} subtype that maps more fields: its own serializer writes inherited and own members. */
@Entity
@DiscriminatorValue("digital")
@OmetriaProduct
public class DigitalProduct extends Product {

    @OmetriaField("url")
    private String downloadUrl;

    protected DigitalProduct() {
    }

    public DigitalProduct(String sku, String title, BigDecimal price, String downloadUrl) {
        super(sku, title, price);
        this.downloadUrl = downloadUrl;
    }

    public String getDownloadUrl() {
        return downloadUrl;
    }
}
