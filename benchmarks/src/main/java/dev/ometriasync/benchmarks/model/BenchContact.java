package dev.ometriasync.benchmarks.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.ometriasync.annotation.MarketingOptin;
import dev.ometriasync.annotation.OmetriaContact;
import dev.ometriasync.annotation.OmetriaField;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A contact with 15 mapped fields. The Jackson annotations reproduce exactly what the generated serializer
 * writes: {@code @type} and {@code @collection} first, the id as a string, timestamps with a {@code +00:00}
 * offset (the pattern matches the generated form for whole-second instants, which is what the benchmark
 * data holds), nulls omitted.
 */
@Entity
@Table(name = "bench_contact")
@OmetriaContact(collection = BenchContact.COLLECTION)
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "@type")
@JsonTypeName("contact")
@JsonPropertyOrder({"@collection", "id", "customer_id", "email", "prefix", "firstname", "middlename", "lastname",
    "gender", "date_of_birth", "phone_number", "country_id", "timezone", "store_ids", "marketing_optin",
    "timestamp_acquired"})
public class BenchContact {

    /** The Ometria collection the contacts belong to. */
    public static final String COLLECTION = "webshop";

    /** The Jackson pattern equal to the generated timestamp form for whole-second values. */
    static final String TIMESTAMP_PATTERN = "uuuu-MM-dd'T'HH:mm:ssxxx";

    @Id
    @OmetriaField("id")
    @JsonProperty("id")
    @JsonFormat(shape = JsonFormat.Shape.STRING)
    private Long id;

    @OmetriaField("customer_id")
    @JsonProperty("customer_id")
    private String accountRef;

    @OmetriaField("email")
    @JsonProperty("email")
    private String email;

    @OmetriaField("prefix")
    @JsonProperty("prefix")
    private String prefix;

    @OmetriaField("firstname")
    @JsonProperty("firstname")
    private String firstName;

    @OmetriaField("middlename")
    @JsonProperty("middlename")
    private String middleName;

    @OmetriaField("lastname")
    @JsonProperty("lastname")
    private String lastName;

    @OmetriaField("gender")
    @JsonProperty("gender")
    private String gender;

    @OmetriaField("date_of_birth")
    @JsonProperty("date_of_birth")
    private LocalDate birthDate;

    @OmetriaField("phone_number")
    @JsonProperty("phone_number")
    private String phone;

    @OmetriaField("country_id")
    @JsonProperty("country_id")
    private String country;

    @OmetriaField("timezone")
    @JsonProperty("timezone")
    private String timezone;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "bench_contact_store", joinColumns = @JoinColumn(name = "contact_id"))
    @Column(name = "store_id")
    @OrderColumn(name = "position")
    @OmetriaField("store_ids")
    @JsonProperty("store_ids")
    private List<String> storeIds = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @OmetriaField("marketing_optin")
    @JsonProperty("marketing_optin")
    private MarketingOptin optin;

    @OmetriaField("timestamp_acquired")
    @JsonProperty("timestamp_acquired")
    @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = TIMESTAMP_PATTERN, timezone = "UTC")
    private Instant acquiredAt;

    /** For JPA and Jackson. */
    public BenchContact() {
    }

    /** @return the contact's collection, written by Jackson as {@code @collection} */
    @JsonProperty("@collection")
    public String collection() {
        return COLLECTION;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getAccountRef() {
        return accountRef;
    }

    public void setAccountRef(String accountRef) {
        this.accountRef = accountRef;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getMiddleName() {
        return middleName;
    }

    public void setMiddleName(String middleName) {
        this.middleName = middleName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getGender() {
        return gender;
    }

    public void setGender(String gender) {
        this.gender = gender;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getTimezone() {
        return timezone;
    }

    public void setTimezone(String timezone) {
        this.timezone = timezone;
    }

    public List<String> getStoreIds() {
        return storeIds;
    }

    public void setStoreIds(List<String> storeIds) {
        this.storeIds = storeIds;
    }

    public MarketingOptin getOptin() {
        return optin;
    }

    public void setOptin(MarketingOptin optin) {
        this.optin = optin;
    }

    public Instant getAcquiredAt() {
        return acquiredAt;
    }

    public void setAcquiredAt(Instant acquiredAt) {
        this.acquiredAt = acquiredAt;
    }
}
