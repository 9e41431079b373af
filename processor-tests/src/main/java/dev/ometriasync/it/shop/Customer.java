package dev.ometriasync.it.shop;

import dev.ometriasync.annotation.MarketingOptin;
import dev.ometriasync.annotation.OmetriaContact;
import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaProperty;
import dev.ometriasync.it.base.BaseEntity;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** A shop customer: a contact listing whose id and update time come from the mapped superclass. */
@Entity
@OmetriaContact(collection = "webshop")
public class Customer extends BaseEntity {

    @OmetriaField("customer_id")
    private String accountRef;

    @OmetriaField("email")
    private String email;

    @OmetriaField("firstname")
    private String firstName;

    @OmetriaField("lastname")
    private String lastName;

    @OmetriaField("date_of_birth")
    private LocalDate birthDate;

    @OmetriaField("country_id")
    private Locale locale;

    @Enumerated(EnumType.STRING)
    @OmetriaField("marketing_optin")
    private MarketingOptin optin;

    @OmetriaField("timestamp_acquired")
    private Instant acquiredAt;

    @ElementCollection
    @OmetriaField("store_ids")
    private Set<String> storeIds = new LinkedHashSet<>();

    @OmetriaField("channels.sms.allow_marketing")
    private Boolean smsMarketing;

    @OmetriaField("channels.sms.dt_updated_marketing")
    private Instant smsUpdatedAt;

    @OmetriaProperty("loyalty_tier")
    private String tier;

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

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public Locale getLocale() {
        return locale;
    }

    public void setLocale(Locale locale) {
        this.locale = locale;
    }

    public MarketingOptin getOptin() {
        return optin;
    }

    public void setOptin(MarketingOptin optin) {
        this.optin = optin;
    }

    public Instant getAcquiredAt() {
        return acquiredAt;
    }

    public void setAcquiredAt(Instant acquiredAt) {
        this.acquiredAt = acquiredAt;
    }

    public Set<String> getStoreIds() {
        return storeIds;
    }

    public void setStoreIds(Set<String> storeIds) {
        this.storeIds = storeIds;
    }

    public Boolean getSmsMarketing() {
        return smsMarketing;
    }

    public void setSmsMarketing(Boolean smsMarketing) {
        this.smsMarketing = smsMarketing;
    }

    public Instant getSmsUpdatedAt() {
        return smsUpdatedAt;
    }

    public void setSmsUpdatedAt(Instant smsUpdatedAt) {
        this.smsUpdatedAt = smsUpdatedAt;
    }

    public String getTier() {
        return tier;
    }

    public void setTier(String tier) {
        this.tier = tier;
    }
}
