package dev.ometriasync.spring.boot.app;

import dev.ometriasync.annotation.OmetriaContact;
import dev.ometriasync.annotation.OmetriaField;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A club member, sent to Ometria as a contact. */
@Entity
@OmetriaContact(collection = "club")
public class Member {

    @Id
    @OmetriaField("id")
    private String id;

    @Column(nullable = false)
    @OmetriaField("email")
    private String email;

    @OmetriaField("firstname")
    private String firstName;

    protected Member() {
    }

    public Member(String id, String email, String firstName) {
        this.id = id;
        this.email = email;
        this.firstName = firstName;
    }

    public String getId() {
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
}
