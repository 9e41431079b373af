package shop;

import dev.ometriasync.annotation.MarketingOptin;
import dev.ometriasync.annotation.OmetriaContact;
import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaProperty;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Set;

@Entity
@OmetriaContact(collection = "webshop")
public class Customer {
    @Id @OmetriaField("id") private Long id;
    @OmetriaField("customer_id") private String accountRef;
    @OmetriaField("email") private String email;
    @OmetriaField("firstname") private String firstName;
    @OmetriaField("lastname") private String lastName;
    @OmetriaField("date_of_birth") private LocalDate birthDate;
    @OmetriaField("country_id") private Locale locale;
    @OmetriaField("marketing_optin") private MarketingOptin optin;
    @OmetriaField("@force_optin") private boolean forceOptin;
    @OmetriaField("store_ids") private Set<String> stores;
    @OmetriaField("channels.sms.allow_marketing") private Boolean smsMarketing;
    @OmetriaField("channels.sms.dt_updated_marketing") private OffsetDateTime smsChangedAt;
    @OmetriaProperty("loyalty_tier") private String tier;
    @OmetriaProperty("lifetime_orders") private int orderCount;

    public Long getId() { return id; }
    public String getAccountRef() { return accountRef; }
    public String getEmail() { return email; }
    public String getFirstName() { return firstName; }
    public String getLastName() { return lastName; }
    public LocalDate getBirthDate() { return birthDate; }
    public Locale getLocale() { return locale; }
    public MarketingOptin getOptin() { return optin; }
    public boolean isForceOptin() { return forceOptin; }
    public Set<String> getStores() { return stores; }
    public Boolean getSmsMarketing() { return smsMarketing; }
    public OffsetDateTime getSmsChangedAt() { return smsChangedAt; }
    public String getTier() { return tier; }
    public int getOrderCount() { return orderCount; }
}
