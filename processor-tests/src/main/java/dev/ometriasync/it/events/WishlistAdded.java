package dev.ometriasync.it.events;

import dev.ometriasync.annotation.OmetriaCustomEvent;
import dev.ometriasync.annotation.OmetriaField;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.Setter;

/** A custom event on a Lombok {@code @Getter} entity; its timestamp is a local date-time in London. */
@Entity
@Getter
@Setter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
@OmetriaCustomEvent(eventType = "wishlist_added")
public class WishlistAdded {

    @Id
    @OmetriaField("id")
    private UUID id;

    @OmetriaField(value = "timestamp", zone = "Europe/London")
    private LocalDateTime addedAt;

    @OmetriaField("identity_email")
    private String email;

    @OmetriaField("identity_account_id")
    private Long accountId;

    @Transient
    @OmetriaField("properties")
    private Map<String, Object> details = new LinkedHashMap<>();

    public WishlistAdded(UUID id, LocalDateTime addedAt, String email) {
        this.id = id;
        this.addedAt = addedAt;
        this.email = email;
    }

}
