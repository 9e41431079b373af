package dev.ometriasync.it.catalogue;

import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaProductListing;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * A product's listing in one store: the store's own title, URL, price and currency.
 *
 * @param store the store's id
 * @param title the title in that store
 * @param url the product page in that store
 * @param price the price in the store's currency
 * @param salePrice the sale price, if any
 * @param currency the store's currency
 * @param active whether the product is sold in that store
 */
@Embeddable
@OmetriaProductListing
public record StoreListing(
        @OmetriaField("store_id") String store,
        @OmetriaField("title") String title,
        @OmetriaField("url") String url,
        @OmetriaField("price") BigDecimal price,
        @OmetriaField("special_price") BigDecimal salePrice,
        @OmetriaField("store_currency") Currency currency,
        @OmetriaField("is_active") boolean active) {
}
