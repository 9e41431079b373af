package dev.ometriasync.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.annotation.MarketingOptin;
import dev.ometriasync.it.events.NewsletterSignup;
import dev.ometriasync.it.events.WishlistAdded;
import dev.ometriasync.it.shop.Customer;
import dev.ometriasync.it.shop.Product;
import dev.ometriasync.it.shop.PurchaseOrder;
import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.OmetriaRecords;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A record for the pipeline is what the generated serializer wrote, byte for byte, for every record type, full
 * and partial: the serializer writes each field once into the record's bytes, and the record is the same as
 * the one the runtime made before by parsing the serializer's JSON text into fields.
 */
class RecordBytesAsWrittenTest {

    @Test
    void contacts() {
        Customer customer = new Customer();
        customer.setId(42L);
        customer.setAccountRef("ACC-42");
        customer.setEmail("ada@example.com");
        customer.setFirstName("Ada \"Countess\" ünd 🛒");
        customer.setLastName("Lovelace\\King");
        customer.setBirthDate(LocalDate.of(1990, 4, 23));
        customer.setLocale(Locale.UK);
        customer.setOptin(MarketingOptin.EXPLICITLY_OPTEDIN);
        customer.setAcquiredAt(Instant.parse("2024-03-01T10:15:30Z"));
        customer.setStoreIds(new java.util.LinkedHashSet<>(List.of("uk", "ie")));
        customer.setSmsMarketing(true);
        customer.setTier("gold");
        assertSameAsWritten(customer, null);
        assertSameAsWritten(customer, Set.of("firstName", "email", "tier"));

        NewsletterSignup signup = new NewsletterSignup();
        signup.setId(3L);
        signup.setEmail("ada@example.com");
        signup.setForced(true);
        signup.getLists().add(NewsletterSignup.Newsletter.OFFERS);
        assertSameAsWritten(signup, null);
    }

    @Test
    void orders() {
        PurchaseOrder order = OrderJsonTest.order();
        assertSameAsWritten(order, null);
        order.setShipTo(null);
        assertSameAsWritten(order, Set.of("status", "valid", "shipTo", "billTo"));
        assertSameAsWritten(CatalogueFieldsJsonTest.order(), null);
    }

    @Test
    void products() {
        assertSameAsWritten(new Product("SKU-1", "Analytical Engine", new BigDecimal("1E+3")), null);
        assertSameAsWritten(CatalogueFieldsJsonTest.lamp(), null);
        assertSameAsWritten(CatalogueFieldsJsonTest.lamp(), Set.of("attributes"));
    }

    @Test
    void customEvents() {
        WishlistAdded event = new WishlistAdded(UUID.fromString("00000000-0000-0000-0000-00000000002a"),
                LocalDateTime.of(2024, 7, 1, 12, 0), "ada@example.com");
        event.getDetails().put("product_ids", List.of("SKU-1", "SKU-2"));
        event.getDetails().put("total", new BigDecimal("12.50"));
        assertSameAsWritten(event, null);
        event.setEmail(null);
        assertSameAsWritten(event, Set.of("email", "accountId"));
    }

    private static void assertSameAsWritten(Object entity, Set<String> changed) {
        String written = OmetriaRecords.toJson(entity, changed);
        OmetriaRecord record = OmetriaRecords.toRecord(entity, changed);
        OmetriaRecord parsed = OmetriaRecord.parse(written, changed == null);

        assertThat(record.toJson()).isEqualTo(written);
        assertThat(record).isEqualTo(parsed);
        assertThat(record.fields()).containsExactlyEntriesOf(parsed.fields());
        assertThat(record).isEqualTo(new OmetriaRecord(parsed.key(), changed == null, parsed.fields()));
    }
}
