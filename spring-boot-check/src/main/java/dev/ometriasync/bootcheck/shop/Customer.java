package dev.ometriasync.bootcheck.shop;

import dev.ometriasync.annotation.MarketingOptin;
import dev.ometriasync.annotation.OmetriaContact;
import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaProperty;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A shop account, sent to Ometria as a contact in the {@code boot-shop} collection. */
@Entity
@OmetriaContact(collection = "boot-shop")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
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
    @Column(length = 32)
    @OmetriaField("marketing_optin")
    private MarketingOptin marketingOptin;

    @Column(nullable = false)
    @OmetriaField("timestamp_acquired")
    private Instant createdAt;

    @Column(length = 16)
    @OmetriaProperty("loyalty_tier")
    private String loyaltyTier;

    /** Not mapped to Ometria. */
    private Instant updatedAt;

    protected Customer() {
    }

    public Customer(String accountRef, String email, String firstName, String lastName, MarketingOptin optin, Instant createdAt) {
        this.accountRef = accountRef;
        this.email = email;
        this.firstName = firstName;
        this.lastName = lastName;
        this.marketingOptin = optin;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getAccountRef() {
        return accountRef;
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

    public String getLastName() {
        return lastName;
    }

    public MarketingOptin getMarketingOptin() {
        return marketingOptin;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getLoyaltyTier() {
        return loyaltyTier;
    }

    public void setLoyaltyTier(String loyaltyTier) {
        this.loyaltyTier = loyaltyTier;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
