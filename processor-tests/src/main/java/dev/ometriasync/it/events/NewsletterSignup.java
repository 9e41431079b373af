package dev.ometriasync.it.events;

import dev.ometriasync.annotation.MarketingOptin;
import dev.ometriasync.annotation.OmetriaContact;
import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaValue;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.util.Date;
import java.util.EnumSet;
import java.util.Set;
import lombok.Data;

/**
 * A contact on a Lombok {@code @Data} entity, with a legacy {@code java.util.Date} timestamp and a set of enum
 * constants written as an array of strings.
 */
@Entity
@Data
@OmetriaContact(collection = "newsletter")
public class NewsletterSignup {

    @Id
    @OmetriaField("id")
    private Long id;

    @OmetriaField("email")
    private String email;

    @OmetriaField("marketing_optin")
    private MarketingOptin optin;

    @OmetriaField("timestamp_subscribed")
    private Date subscribedAt;

    @OmetriaField("@force_optin")
    private boolean forced;

    /** The newsletters a sign-up adds the contact to; Ometria's list id for the weekly one is not its name. */
    public enum Newsletter { @OmetriaValue("weekly-digest") WEEKLY, OFFERS }

    @ElementCollection
    @Enumerated(EnumType.STRING)
    @OmetriaField("@add_to_lists")
    private Set<Newsletter> lists = EnumSet.noneOf(Newsletter.class);
}
