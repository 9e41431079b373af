package dev.ometriasync.benchmarks.serializer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.ometriasync.benchmarks.model.BenchAddress;
import dev.ometriasync.benchmarks.model.BenchContact;
import dev.ometriasync.benchmarks.model.BenchLineItem;
import dev.ometriasync.benchmarks.model.BenchOrder;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;

/**
 * What a careful engineer writes by hand with Jackson's streaming API: one method per record type, every
 * field name pre-encoded once as a {@link SerializedString}, values written directly. The yardstick the
 * generated serializer should match. Writes the same bytes as the generated serializers for the
 * benchmark's entities (proved by {@code SerializerEquivalenceTest}).
 */
public final class HandWrittenWriters {

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendOffset("+HH:MM", "+00:00")
            .toFormatter(Locale.ROOT);

    private static final SerializableString TYPE = new SerializedString("@type");
    private static final SerializableString CONTACT = new SerializedString("contact");
    private static final SerializableString ORDER = new SerializedString("order");
    private static final SerializableString COLLECTION = new SerializedString("@collection");
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString CUSTOMER_ID = new SerializedString("customer_id");
    private static final SerializableString EMAIL = new SerializedString("email");
    private static final SerializableString PREFIX = new SerializedString("prefix");
    private static final SerializableString FIRSTNAME = new SerializedString("firstname");
    private static final SerializableString MIDDLENAME = new SerializedString("middlename");
    private static final SerializableString LASTNAME = new SerializedString("lastname");
    private static final SerializableString GENDER = new SerializedString("gender");
    private static final SerializableString DATE_OF_BIRTH = new SerializedString("date_of_birth");
    private static final SerializableString PHONE_NUMBER = new SerializedString("phone_number");
    private static final SerializableString COUNTRY_ID = new SerializedString("country_id");
    private static final SerializableString TIMEZONE = new SerializedString("timezone");
    private static final SerializableString STORE_IDS = new SerializedString("store_ids");
    private static final SerializableString MARKETING_OPTIN = new SerializedString("marketing_optin");
    private static final SerializableString TIMESTAMP_ACQUIRED = new SerializedString("timestamp_acquired");
    private static final SerializableString TIMESTAMP_FIELD = new SerializedString("timestamp");
    private static final SerializableString STATUS = new SerializedString("status");
    private static final SerializableString IS_VALID = new SerializedString("is_valid");
    private static final SerializableString CURRENCY = new SerializedString("currency");
    private static final SerializableString GRAND_TOTAL = new SerializedString("grand_total");
    private static final SerializableString SUBTOTAL = new SerializedString("subtotal");
    private static final SerializableString DISCOUNT = new SerializedString("discount");
    private static final SerializableString SHIPPING = new SerializedString("shipping");
    private static final SerializableString TAX = new SerializedString("tax");
    private static final SerializableString CHANNEL = new SerializedString("channel");
    private static final SerializableString STORE = new SerializedString("store");
    private static final SerializableString PAYMENT_METHOD = new SerializedString("payment_method");
    private static final SerializableString SHIPPING_METHOD = new SerializedString("shipping_method");
    private static final SerializableString SHIPPING_ADDRESS = new SerializedString("shipping_address");
    private static final SerializableString CITY = new SerializedString("city");
    private static final SerializableString POSTCODE = new SerializedString("postcode");
    private static final SerializableString COUNTRY_CODE = new SerializedString("country_code");
    private static final SerializableString LINEITEMS = new SerializedString("lineitems");
    private static final SerializableString PRODUCT_ID = new SerializedString("product_id");
    private static final SerializableString SKU = new SerializedString("sku");
    private static final SerializableString QUANTITY = new SerializedString("quantity");
    private static final SerializableString UNIT_PRICE = new SerializedString("unit_price");
    private static final SerializableString TOTAL = new SerializedString("total");
    private static final SerializableString IS_ON_SALE = new SerializedString("is_on_sale");

    private HandWrittenWriters() {
    }

    /**
     * @param contact the contact
     * @param out where its full record is written
     * @throws IOException when the generator fails
     */
    public static void writeContact(BenchContact contact, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeFieldName(TYPE);
        out.writeString(CONTACT);
        out.writeFieldName(COLLECTION);
        out.writeString(BenchContact.COLLECTION);
        if (contact.getId() != null) {
            out.writeFieldName(ID);
            out.writeString(contact.getId().toString());
        }
        string(out, CUSTOMER_ID, contact.getAccountRef());
        string(out, EMAIL, contact.getEmail());
        string(out, PREFIX, contact.getPrefix());
        string(out, FIRSTNAME, contact.getFirstName());
        string(out, MIDDLENAME, contact.getMiddleName());
        string(out, LASTNAME, contact.getLastName());
        string(out, GENDER, contact.getGender());
        if (contact.getBirthDate() != null) {
            out.writeFieldName(DATE_OF_BIRTH);
            out.writeString(DateTimeFormatter.ISO_LOCAL_DATE.format(contact.getBirthDate()));
        }
        string(out, PHONE_NUMBER, contact.getPhone());
        string(out, COUNTRY_ID, contact.getCountry());
        string(out, TIMEZONE, contact.getTimezone());
        if (contact.getStoreIds() != null) {
            out.writeFieldName(STORE_IDS);
            out.writeStartArray();
            for (String store : contact.getStoreIds()) {
                out.writeString(store);
            }
            out.writeEndArray();
        }
        if (contact.getOptin() != null) {
            out.writeFieldName(MARKETING_OPTIN);
            out.writeString(contact.getOptin().name());
        }
        if (contact.getAcquiredAt() != null) {
            out.writeFieldName(TIMESTAMP_ACQUIRED);
            out.writeString(TIMESTAMP.format(contact.getAcquiredAt().atOffset(ZoneOffset.UTC)));
        }
        out.writeEndObject();
    }

    /**
     * @param order the order
     * @param out where its full record is written
     * @throws IOException when the generator fails
     */
    public static void writeOrder(BenchOrder order, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeFieldName(TYPE);
        out.writeString(ORDER);
        string(out, ID, order.getNumber());
        if (order.getPlacedAt() != null) {
            out.writeFieldName(TIMESTAMP_FIELD);
            out.writeString(TIMESTAMP.format(order.getPlacedAt()));
        }
        if (order.getStatus() != null) {
            out.writeFieldName(STATUS);
            out.writeString(order.getStatus().name());
        }
        out.writeFieldName(IS_VALID);
        out.writeBoolean(order.isValid());
        if (order.getCurrency() != null) {
            out.writeFieldName(CURRENCY);
            out.writeString(order.getCurrency().getCurrencyCode());
        }
        number(out, GRAND_TOTAL, order.getGrandTotal());
        number(out, SUBTOTAL, order.getSubtotal());
        number(out, DISCOUNT, order.getDiscount());
        number(out, SHIPPING, order.getShipping());
        number(out, TAX, order.getTax());
        string(out, CHANNEL, order.getChannel());
        string(out, STORE, order.getStore());
        string(out, PAYMENT_METHOD, order.getPaymentMethod());
        string(out, SHIPPING_METHOD, order.getShippingMethod());
        if (order.getShipTo() != null) {
            out.writeFieldName(SHIPPING_ADDRESS);
            writeAddress(order.getShipTo(), out);
        }
        if (order.getLines() != null) {
            out.writeFieldName(LINEITEMS);
            out.writeStartArray();
            for (BenchLineItem line : order.getLines()) {
                writeLine(line, out);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    private static void writeAddress(BenchAddress address, JsonGenerator out) throws IOException {
        out.writeStartObject();
        string(out, FIRSTNAME, address.getFirstName());
        string(out, LASTNAME, address.getLastName());
        string(out, CITY, address.getCity());
        string(out, POSTCODE, address.getPostcode());
        string(out, COUNTRY_CODE, address.getCountryCode());
        out.writeEndObject();
    }

    private static void writeLine(BenchLineItem line, JsonGenerator out) throws IOException {
        out.writeStartObject();
        string(out, PRODUCT_ID, line.getProductId());
        string(out, SKU, line.getSku());
        out.writeFieldName(QUANTITY);
        out.writeNumber(line.getQuantity());
        number(out, UNIT_PRICE, line.getUnitPrice());
        number(out, SUBTOTAL, line.getSubtotal());
        number(out, TOTAL, line.getTotal());
        if (line.getOnSale() != null) {
            out.writeFieldName(IS_ON_SALE);
            out.writeBoolean(line.getOnSale());
        }
        out.writeEndObject();
    }

    private static void string(JsonGenerator out, SerializableString name, String value) throws IOException {
        if (value != null) {
            out.writeFieldName(name);
            out.writeString(value);
        }
    }

    private static void number(JsonGenerator out, SerializableString name, BigDecimal value) throws IOException {
        if (value != null) {
            out.writeFieldName(name);
            out.writeNumber(value.toPlainString());
        }
    }
}
