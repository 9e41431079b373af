package dev.ometriasync.it.events;

import dev.ometriasync.annotation.MarketingOptin;
import dev.ometriasync.annotation.OmetriaContact;
import dev.ometriasync.annotation.OmetriaField;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.Date;
import lombok.Data;

/** A contact on a Lombok {@code @Data} entity, with a legacy {@code java.util.Date} timestamp. */
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
}
