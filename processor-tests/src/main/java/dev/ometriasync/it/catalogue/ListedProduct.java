package dev.ometriasync.it.catalogue;

import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaProduct;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OrderColumn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** A product with what recommendations need: a currency, attributes to filter on, and a listing per store. */
@Entity
@OmetriaProduct
public class ListedProduct {

    @Id
    @OmetriaField("id")
    private String sku;

    @OmetriaField("title")
    private String title;

    @OmetriaField("price")
    private BigDecimal price;

    @OmetriaField("currency")
    private Currency currency;

    @ElementCollection
    @OrderColumn
    @OmetriaField("attributes")
    private List<ProductAttribute> attributes = new ArrayList<>();

    @ElementCollection
    @OrderColumn
    @OmetriaField("listings")
    private List<StoreListing> listings = new ArrayList<>();

    protected ListedProduct() {
    }

    public ListedProduct(String sku, String title, BigDecimal price, Currency currency) {
        this.sku = sku;
        this.title = title;
        this.price = price;
        this.currency = currency;
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

    public Currency getCurrency() {
        return currency;
    }

    public List<ProductAttribute> getAttributes() {
        return attributes;
    }

    public List<StoreListing> getListings() {
        return listings;
    }
}
