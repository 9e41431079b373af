package dev.ometriasync.benchmarks.soak.model;

import dev.ometriasync.annotation.MarketingOptin;
import dev.ometriasync.annotation.OmetriaContact;
import dev.ometriasync.annotation.OmetriaField;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A contact; deleting one sends nothing (contacts have no delete policy), so Ometria keeps a past state. */
@Entity
@Table(name = "soak_contact")
@OmetriaContact(collection = SoakContact.COLLECTION)
public class SoakContact {

    /** The contacts' Ometria collection. */
    public static final String COLLECTION = "soak";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "soak_contact_ids")
    @SequenceGenerator(name = "soak_contact_ids", sequenceName = "soak_contact_seq", allocationSize = 20)
    @OmetriaField("id")
    private Long id;

    @Column(name = "email")
    @OmetriaField("email")
    private String email;

    @Column(name = "first_name")
    @OmetriaField("firstname")
    private String firstName;

    @Column(name = "middle_name")
    @OmetriaField("middlename")
    private String middleName;

    @Column(name = "last_name")
    @OmetriaField("lastname")
    private String lastName;

    @Column(name = "country")
    @OmetriaField("country_id")
    private String country;

    @Column(name = "birth_date")
    @OmetriaField("date_of_birth")
    private LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "optin")
    @OmetriaField("marketing_optin")
    private MarketingOptin optin;

    @Column(name = "acquired_at")
    @OmetriaField("timestamp_acquired")
    private Instant acquiredAt;

    /** For JPA and the change stream. */
    public SoakContact() {
    }

    public Long getId() {
        return id;
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

    public String getMiddleName() {
        return middleName;
    }

    public void setMiddleName(String middleName) {
        this.middleName = middleName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
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
}
