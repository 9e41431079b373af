package dev.ometriasync.sample.shop;

import dev.ometriasync.annotation.OmetriaAddress;
import dev.ometriasync.annotation.OmetriaField;
import jakarta.persistence.Embeddable;

/** A postal address, embedded twice in an order (shipping and billing). The street is not sent to Ometria. */
@Embeddable
@OmetriaAddress
public class PostalAddress {

    @OmetriaField("firstname")
    private String firstName;

    @OmetriaField("lastname")
    private String lastName;

    private String street;

    @OmetriaField("city")
    private String city;

    @OmetriaField("postcode")
    private String postcode;

    @OmetriaField("country_code")
    private String countryCode;

    protected PostalAddress() {
    }

    public PostalAddress(String firstName, String lastName, String street, String city, String postcode, String countryCode) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.street = street;
        this.city = city;
        this.postcode = postcode;
        this.countryCode = countryCode;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getStreet() {
        return street;
    }

    public String getCity() {
        return city;
    }

    public String getPostcode() {
        return postcode;
    }

    public String getCountryCode() {
        return countryCode;
    }
}
