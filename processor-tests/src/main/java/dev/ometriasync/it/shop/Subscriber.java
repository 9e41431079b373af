package dev.ometriasync.it.shop;

import dev.ometriasync.annotation.OmetriaContact;
import dev.ometriasync.annotation.OmetriaField;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** A contact whose constrained fields use the shop's own enums instead of ometria-sync's. */
@Entity
@OmetriaContact(collection = "subscribers")
public class Subscriber {

    @Id
    @OmetriaField("id")
    private Long id;

    @OmetriaField("email")
    private String email;

    @Enumerated(EnumType.STRING)
    @OmetriaField("marketing_optin")
    private Consent consent;

    @Enumerated(EnumType.STRING)
    @OmetriaField("gender")
    private Gender gender;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Consent getConsent() {
        return consent;
    }

    public void setConsent(Consent consent) {
        this.consent = consent;
    }

    public Gender getGender() {
        return gender;
    }

    public void setGender(Gender gender) {
        this.gender = gender;
    }
}
