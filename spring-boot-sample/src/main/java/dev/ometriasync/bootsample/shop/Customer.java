package dev.ometriasync.bootsample.shop;

import dev.ometriasync.annotation.OmetriaContact;
import dev.ometriasync.annotation.OmetriaField;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A shop account, sent to Ometria as a contact in the {@code boot-sample} collection. */
@Entity
@OmetriaContact(collection = "boot-sample")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @OmetriaField("id")
    private Long id;

    @Column(nullable = false)
    @OmetriaField("email")
    private String email;

    @OmetriaField("firstname")
    private String firstName;

    @OmetriaField("lastname")
    private String lastName;

    @Column(nullable = false)
    @OmetriaField("timestamp_acquired")
    private Instant createdAt;

    protected Customer() {
    }

    public Customer(String email, String firstName, String lastName, Instant createdAt) {
        this.email = email;
        this.firstName = firstName;
        this.lastName = lastName;
        this.createdAt = createdAt;
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

    public String getLastName() {
        return lastName;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
