package dev.ometriasync.benchmarks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ometriasync.annotation.OmetriaAddress;
import dev.ometriasync.annotation.OmetriaField;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A shipping address embedded in the order. */
@Embeddable
@OmetriaAddress
@JsonPropertyOrder({"firstname", "lastname", "city", "postcode", "country_code"})
public class BenchAddress {

    @Column(name = "ship_firstname")
    @OmetriaField("firstname")
    @JsonProperty("firstname")
    private String firstName;

    @Column(name = "ship_lastname")
    @OmetriaField("lastname")
    @JsonProperty("lastname")
    private String lastName;

    @Column(name = "ship_city")
    @OmetriaField("city")
    @JsonProperty("city")
    private String city;

    @Column(name = "ship_postcode")
    @OmetriaField("postcode")
    @JsonProperty("postcode")
    private String postcode;

    @Column(name = "ship_country")
    @OmetriaField("country_code")
    @JsonProperty("country_code")
    private String countryCode;

    /** For JPA. */
    protected BenchAddress() {
    }

    /**
     * @param firstName first name
     * @param lastName last name
     * @param city city
     * @param postcode postcode
     * @param countryCode ISO 3166 alpha-2 country
     */
    public BenchAddress(String firstName, String lastName, String city, String postcode, String countryCode) {
        this.firstName = firstName;
        this.lastName = lastName;
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
