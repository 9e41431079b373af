package dev.ometriasync.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.annotation.MarketingOptin;
import dev.ometriasync.it.shop.Consent;
import dev.ometriasync.it.shop.Customer;
import dev.ometriasync.it.shop.Gender;
import dev.ometriasync.it.shop.Subscriber;
import dev.ometriasync.runtime.OmetriaRecords;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContactJsonTest {

    @Test
    void fullContact() {
        Customer customer = new Customer();
        customer.setId(42L);
        customer.setAccountRef("ACC-42");
        customer.setEmail("ada@example.com");
        customer.setFirstName("Ada");
        customer.setLastName("Lovelace");
        customer.setBirthDate(LocalDate.of(1990, 4, 23));
        customer.setLocale(Locale.UK);
        customer.setOptin(MarketingOptin.EXPLICITLY_OPTEDIN);
        customer.setAcquiredAt(Instant.parse("2024-03-01T10:15:30Z"));
        customer.setStoreIds(new java.util.LinkedHashSet<>(java.util.List.of("uk", "ie")));
        customer.setSmsMarketing(true);
        customer.setTier("gold");
        customer.setUpdatedAt(Instant.parse("2024-03-02T08:00:00.250Z"));

        assertThat(OmetriaRecords.toJson(customer)).isEqualTo("{\"@type\":\"contact\",\"@collection\":\"webshop\",\"id\":\"42\","
                + "\"properties\":{\"updated_at\":\"2024-03-02T08:00:00.25+00:00\",\"loyalty_tier\":\"gold\"},"
                + "\"customer_id\":\"ACC-42\",\"email\":\"ada@example.com\",\"firstname\":\"Ada\",\"lastname\":\"Lovelace\","
                + "\"date_of_birth\":\"1990-04-23\",\"country_id\":\"GB\",\"marketing_optin\":\"EXPLICITLY_OPTEDIN\","
                + "\"timestamp_acquired\":\"2024-03-01T10:15:30+00:00\",\"store_ids\":[\"uk\",\"ie\"],"
                + "\"channels\":{\"sms\":{\"allow_marketing\":true}}}");
    }

    @Test
    void partialContactWritesNullAndKeepsCollection() {
        Customer customer = new Customer();
        customer.setId(42L);
        customer.setEmail("ada@example.com");
        assertThat(OmetriaRecords.toJson(customer, Set.of("firstName", "email")))
                .isEqualTo("{\"@type\":\"contact\",\"@collection\":\"webshop\",\"id\":\"42\",\"email\":\"ada@example.com\",\"firstname\":null}");
    }

    @Test
    void ownEnumsForConstrainedFieldsAreWrittenAsOmetriasValues() {
        Subscriber subscriber = new Subscriber();
        subscriber.setId(5L);
        subscriber.setEmail("ada@example.com");
        subscriber.setConsent(Consent.EXPLICITLY_OPTEDOUT);
        subscriber.setGender(Gender.FEMALE);
        assertThat(OmetriaRecords.toJson(subscriber)).isEqualTo("{\"@type\":\"contact\",\"@collection\":\"subscribers\","
                + "\"id\":\"5\",\"email\":\"ada@example.com\",\"marketing_optin\":\"EXPLICITLY_OPTEDOUT\","
                + "\"gender\":\"f\"}");
        subscriber.setGender(Gender.OTHER);
        assertThat(OmetriaRecords.toJson(subscriber, Set.of("gender")))
                .isEqualTo("{\"@type\":\"contact\",\"@collection\":\"subscribers\",\"id\":\"5\",\"gender\":\"o\"}");
    }
}
