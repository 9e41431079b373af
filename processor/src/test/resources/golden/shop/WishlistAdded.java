package shop;

import dev.ometriasync.annotation.OmetriaCustomEvent;
import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaProperty;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

@OmetriaCustomEvent(eventType = "wishlist_added")
public record WishlistAdded(
        @OmetriaField("id") UUID id,
        @OmetriaField(value = "timestamp", zone = "Europe/London") LocalDateTime at,
        @OmetriaField("identity_email") String email,
        @OmetriaProperty("product_ids") List<String> productIds,
        @OmetriaProperty("price_valid_until") ZonedDateTime validUntil) {
}
