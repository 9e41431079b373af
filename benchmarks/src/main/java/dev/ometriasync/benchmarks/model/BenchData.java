package dev.ometriasync.benchmarks.model;

import dev.ometriasync.annotation.MarketingOptin;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Deterministic, realistic entity instances for every benchmark (all 15 contact fields set). */
public final class BenchData {

    private static final Instant EPOCH = Instant.parse("2024-03-01T10:15:30Z");

    private BenchData() {
    }

    /**
     * @param n a sequence number; equal numbers give equal contacts
     * @return a contact with every mapped field set
     */
    public static BenchContact contact(long n) {
        BenchContact contact = new BenchContact();
        contact.setId(n);
        contact.setAccountRef("ACC-" + n);
        contact.setEmail("customer" + n + "@example.com");
        contact.setPrefix("Ms");
        contact.setFirstName("Ada");
        contact.setMiddleName("Augusta");
        contact.setLastName("Lovelace");
        contact.setGender("f");
        contact.setBirthDate(LocalDate.of(1990, 4, 23));
        // A number libphonenumber (and so Ometria) accepts: Ofcom's drama range +44 7700 900xxx is not valid,
        // and the pipeline would leave it out of every record.
        contact.setPhone("+447911123456");
        contact.setCountry("GB");
        contact.setTimezone("Europe/London");
        contact.setStoreIds(new ArrayList<>(List.of("uk", "ie")));
        contact.setOptin(MarketingOptin.EXPLICITLY_OPTEDIN);
        contact.setAcquiredAt(EPOCH.plusSeconds(n));
        return contact;
    }

    /**
     * @param number the order number
     * @param lineCount how many line items to add
     * @return an order with every mapped field set and {@code lineCount} lines
     */
    public static BenchOrder order(String number, int lineCount) {
        BenchOrder order = new BenchOrder(number);
        order.setPlacedAt(OffsetDateTime.of(2024, 3, 1, 10, 15, 30, 0, ZoneOffset.UTC));
        order.setStatus(BenchOrderStatus.COMPLETE);
        order.setCurrency(Currency.getInstance("GBP"));
        BigDecimal subtotal = BigDecimal.ZERO;
        for (int i = 0; i < lineCount; i++) {
            BenchLineItem line = new BenchLineItem("PRD-" + (1000 + i), "SKU-" + (1000 + i) + "-M", 1 + i % 3,
                    new BigDecimal("19.99").add(BigDecimal.valueOf(i)), i % 4 == 0);
            order.addLine(line);
            subtotal = subtotal.add(line.getSubtotal());
        }
        order.setSubtotal(subtotal);
        order.setDiscount(new BigDecimal("5.00"));
        order.setShipping(new BigDecimal("3.95"));
        order.setTax(subtotal.multiply(new BigDecimal("0.20")).setScale(2, java.math.RoundingMode.HALF_UP));
        order.setGrandTotal(subtotal.subtract(order.getDiscount()).add(order.getShipping()));
        order.setChannel("web");
        order.setStore("uk");
        order.setPaymentMethod("card");
        order.setShippingMethod("standard");
        order.setShipTo(new BenchAddress("Ada", "Lovelace", "London", "SW1A 1AA", "GB"));
        return order;
    }
}
