package dev.ometriasync.sample.shop;

import dev.ometriasync.annotation.OmetriaCustomEvent;
import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaProperty;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * A customer put a product on their wish list: an append-only Ometria custom event, sent once when the row
 * is inserted. The event type must be set up in the Ometria account before it can drive automations. The
 * {@code product_id} property names a catalogue product, so Ometria can show it in e-mails.
 */
@Entity
@OmetriaCustomEvent(eventType = "wishlist_added")
public class WishlistEvent {

    @Id
    @GeneratedValue
    @OmetriaField("id")
    private Long id;

    @Column(nullable = false)
    @OmetriaField("timestamp")
    private Instant createdAt;

    @Column(nullable = false, length = 32)
    @OmetriaField("identity_account_id")
    private String customerAccountRef;

    @OmetriaField("identity_email")
    private String customerEmail;

    @Column(nullable = false, length = 32)
    @OmetriaProperty("product_id")
    private String productSku;

    @OmetriaProperty("product_title")
    private String productTitle;

    protected WishlistEvent() {
    }

    /**
     * The event of a customer adding a product to their wish list now.
     *
     * @param customer who
     * @param product what
     * @param at when
     */
    public WishlistEvent(Customer customer, Product product, Instant at) {
        this.createdAt = at;
        this.customerAccountRef = customer.getAccountRef();
        this.customerEmail = customer.getEmail();
        this.productSku = product.getSku();
        this.productTitle = product.getTitle();
    }

    public Long getId() {
        return id;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCustomerAccountRef() {
        return customerAccountRef;
    }

    public String getCustomerEmail() {
        return customerEmail;
    }

    public String getProductSku() {
        return productSku;
    }

    public String getProductTitle() {
        return productTitle;
    }
}
