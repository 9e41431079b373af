package dev.ometriasync.it.shop;

import dev.ometriasync.annotation.OmetriaAddress;
import dev.ometriasync.annotation.OmetriaField;
import jakarta.persistence.Embeddable;
import java.util.Locale;

/** A classic embeddable class with getters; the country is a {@link Locale}. */
@Embeddable
@OmetriaAddress
public class BillingAddress {

    @OmetriaField("city")
    private String city;

    @OmetriaField("state")
    private String region;

    @OmetriaField("country_code")
    private Locale country;

    protected BillingAddress() {
    }

    public BillingAddress(String city, String region, Locale country) {
        this.city = city;
        this.region = region;
        this.country = country;
    }

    public String getCity() {
        return city;
    }

    public String getRegion() {
        return region;
    }

    public Locale getCountry() {
        return country;
    }
}
