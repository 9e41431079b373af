package dev.ometriasync.matrix;

import dev.ometriasync.annotation.OmetriaContact;
import dev.ometriasync.annotation.OmetriaField;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A contact as a user would map it. */
@Entity
@OmetriaContact
public class Shopper {

    @Id
    @OmetriaField("id")
    private Long id;

    @OmetriaField("email")
    private String email;

    protected Shopper() {
    }

    public Shopper(Long id, String email) {
        this.id = id;
        this.email = email;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }
}
