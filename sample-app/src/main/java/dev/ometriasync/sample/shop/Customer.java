package dev.ometriasync.sample.shop;

import dev.ometriasync.annotation.MarketingOptin;
import dev.ometriasync.annotation.OmetriaContact;
import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaProperty;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * A shop customer, sent to Ometria as a contact listing in the {@code sample-shop} collection. The listing
 * id is the database id; {@code customer_id} is the account reference that orders carry, which is how
 * Ometria links a contact to its orders.
 */
@Entity
@OmetriaContact(collection = "sample-shop")
public class Customer {

    @Id
    @GeneratedValue
    @OmetriaField("id")
    private Long id;

    @Column(nullable = false, unique = true, length = 32)
    @OmetriaField("customer_id")
    private String accountRef;

    @Column(nullable = false)
    @OmetriaField("email")
    private String email;

    @OmetriaField("firstname")
    private String firstName;

    @OmetriaField("lastname")
    private String lastName;

    @Enumerated(EnumType.STRING)
    @OmetriaField("marketing_optin")
    private MarketingOptin marketingOptin;

    @Column(nullable = false)
    @OmetriaField("timestamp_acquired")
    private Instant createdAt;

    /** Not mapped: a change that touches only this column sends nothing to Ometria. */
    private Instant updatedAt;

    @OmetriaProperty("loyalty_tier")
    private String loyaltyTier;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getAccountRef() {
        return accountRef;
    }

    public void setAccountRef(String accountRef) {
        this.accountRef = accountRef;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public MarketingOptin getMarketingOptin() {
        return marketingOptin;
    }

    public void setMarketingOptin(MarketingOptin marketingOptin) {
        this.marketingOptin = marketingOptin;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    public String getLoyaltyTier() {
        return loyaltyTier;
    }

    public void setLoyaltyTier(String loyaltyTier) {
        this.loyaltyTier = loyaltyTier;
    }
}
