package dev.ometriasync.it.shop;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.math.BigDecimal;

/**
 * An {@code @Inheritance} subtype without annotations of its own: it is written by {@link Product}'s
 * serializer, which the runtime finds by walking up from the subclass.
 */
@Entity
@DiscriminatorValue("gift_card")
public class GiftCard extends Product {

    private String recipient;

    protected GiftCard() {
    }

    public GiftCard(String sku, String title, BigDecimal price, String recipient) {
        super(sku, title, price);
        this.recipient = recipient;
    }

    public String getRecipient() {
        return recipient;
    }
}
