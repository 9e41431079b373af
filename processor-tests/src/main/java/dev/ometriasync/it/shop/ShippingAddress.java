package dev.ometriasync.it.shop;

import dev.ometriasync.annotation.OmetriaAddress;
import dev.ometriasync.annotation.OmetriaField;
import jakarta.persistence.Embeddable;

/** A Java record used as a JPA embeddable (Jakarta Persistence 3.2). */
@Embeddable
@OmetriaAddress
public record ShippingAddress(
        @OmetriaField("firstname") String firstName,
        @OmetriaField("lastname") String lastName,
        @OmetriaField("city") String city,
        @OmetriaField("postcode") String postcode,
        @OmetriaField("country_code") String countryCode) {
}
