package dev.ometriasync.schema;

import static dev.ometriasync.schema.FieldSpec.of;
import static dev.ometriasync.schema.FieldSpec.oneOf;
import static dev.ometriasync.schema.JsonType.BOOLEAN;
import static dev.ometriasync.schema.JsonType.DATE;
import static dev.ometriasync.schema.JsonType.FREE_OBJECT;
import static dev.ometriasync.schema.JsonType.NUMBER;
import static dev.ometriasync.schema.JsonType.STRING;
import static dev.ometriasync.schema.JsonType.STRING_ARRAY;
import static dev.ometriasync.schema.JsonType.TIMESTAMP;

import java.util.List;
import java.util.Set;

/**
 * The catalogue itself: Ometria's record types and nested objects, from {@code ometria-api.md} §4.
 *
 * <p>Fields written by the serializer itself ({@code @type}, a contact's {@code @collection}, a custom
 * event's {@code event_type}) are listed so that validation knows them; {@link #isWrittenBySerializer}
 * tells the processor they cannot be mapped.
 */
public final class OmetriaSchema {

    /** Ometria's maximum number of records in one push request. */
    public static final int MAX_RECORDS_PER_REQUEST = 100;

    /** Ometria's maximum size of one record, in bytes of UTF-8 JSON ("60 KB"). */
    public static final int MAX_RECORD_BYTES = 60 * 1024;

    /** Longest custom event type Ometria keeps without truncating. */
    public static final int MAX_EVENT_TYPE_LENGTH = 32;

    /** The key under which custom values are written. */
    public static final String PROPERTIES = "properties";

    /** The field that holds every record's id. */
    public static final String ID = "id";

    /**
     * The values of a contact's {@code marketing_optin}. Source: Ometria's contact documentation lists exactly
     * these three (ometria-api.md §4.1, [DOC]); an older support page's true/false is not used for push.
     */
    public static final List<String> MARKETING_OPTIN_VALUES =
            List.of("EXPLICITLY_OPTEDIN", "EXPLICITLY_OPTEDOUT", "NOT_SPECIFIED");

    /**
     * The values of a contact's {@code gender}. Source: Ometria's examples send {@code "m"} and {@code "f"}, and
     * the RudderStack Ometria destination normalises every gender to {@code f}, {@code m} or {@code o}
     * (ometria-api.md §4.1 and §6.1, [DOC] example / [PEER]); Ometria documents no other values.
     */
    public static final List<String> GENDER_VALUES = List.of("m", "f", "o");

    /** SMS consent, inside a contact's {@code channels}. */
    public static final ObjectSpec SMS_CHANNEL = new ObjectSpec("channels.sms", List.of(
            of("allow_marketing", BOOLEAN),
            of("allow_transactional", BOOLEAN),
            of("dt_updated_marketing", TIMESTAMP),
            of("dt_updated_transactional", TIMESTAMP)), List.of(), List.of());

    /** A contact's channel consents; only SMS is known. */
    public static final ObjectSpec CHANNELS = new ObjectSpec("channels", List.of(
            nested("sms", JsonType.OBJECT, NestedKind.NONE, SMS_CHANNEL)), List.of(), List.of());

    /** A contact listing. */
    public static final ObjectSpec CONTACT = new ObjectSpec("contact", List.of(
            of("@type", STRING),
            of(ID, STRING, FieldFormat.ID),
            of("@collection", STRING),
            of("email", STRING, FieldFormat.EMAIL),
            of("customer_id", STRING, FieldFormat.ID),
            of("phone_number", STRING, FieldFormat.PHONE),
            of("prefix", STRING),
            of("firstname", STRING),
            of("middlename", STRING),
            of("lastname", STRING),
            oneOf("gender", FieldFormat.NONE, GENDER_VALUES),
            of("date_of_birth", DATE),
            of("country_id", STRING, FieldFormat.COUNTRY),
            of("timezone", STRING),
            of("store_ids", STRING_ARRAY),
            oneOf("marketing_optin", FieldFormat.MARKETING_OPTIN, MARKETING_OPTIN_VALUES),
            of("timestamp_acquired", TIMESTAMP),
            of("timestamp_subscribed", TIMESTAMP),
            of("timestamp_unsubscribed", TIMESTAMP),
            of("@force_optin", BOOLEAN),
            of("@merge", BOOLEAN),
            of("@add_to_lists", STRING_ARRAY),
            of("@remove_from_lists", STRING_ARRAY),
            of(PROPERTIES, FREE_OBJECT),
            nested("channels", JsonType.OBJECT, NestedKind.NONE, CHANNELS)),
            List.of(Set.of(ID)),
            List.of(Set.of("email", "customer_id")));

    /** An order's {@code customer}: its {@code id} is the contact's {@code customer_id}. */
    public static final ObjectSpec CUSTOMER = new ObjectSpec("customer", List.of(
            of(ID, STRING, FieldFormat.ID),
            of("email", STRING, FieldFormat.EMAIL),
            of("firstname", STRING),
            of("lastname", STRING)), List.of(), List.of());

    /** A postal address ({@code shipping_address}, {@code billing_address}). */
    public static final ObjectSpec ADDRESS = new ObjectSpec("address", List.of(
            of("firstname", STRING),
            of("lastname", STRING),
            of("city", STRING),
            of("state", STRING),
            of("postcode", STRING),
            of("country_code", STRING, FieldFormat.COUNTRY)), List.of(), List.of());

    /** A line item's variant option. */
    public static final ObjectSpec VARIANT_OPTION = new ObjectSpec("variant option", List.of(
            of(ID, STRING, FieldFormat.ID),
            of("type", STRING),
            of("label", STRING)),
            List.of(Set.of(ID), Set.of("type"), Set.of("label")), List.of());

    /** An order line, inside {@code lineitems}. */
    public static final ObjectSpec LINE_ITEM = new ObjectSpec("line item", List.of(
            new FieldSpec("product_id", STRING, FieldFormat.ID, NestedKind.PRODUCT_REFERENCE, null),
            of("variant_id", STRING, FieldFormat.ID),
            of("sku", STRING),
            of("quantity", NUMBER),
            of("unit_price", NUMBER),
            of("subtotal", NUMBER),
            of("tax", NUMBER),
            of("discount", NUMBER),
            of("total", NUMBER),
            of("quantity_refunded", NUMBER),
            of("refunded", NUMBER),
            of("is_on_sale", BOOLEAN),
            nested("variant_options", JsonType.OBJECT_ARRAY, NestedKind.VARIANT_OPTION, VARIANT_OPTION),
            of(PROPERTIES, FREE_OBJECT)),
            List.of(Set.of("product_id"), Set.of("quantity"), Set.of("unit_price", "subtotal")), List.of());

    /** An order. */
    public static final ObjectSpec ORDER = new ObjectSpec("order", List.of(
            of("@type", STRING),
            of(ID, STRING, FieldFormat.ID),
            of("timestamp", TIMESTAMP),
            of("status", STRING),
            of("is_valid", BOOLEAN),
            of("currency", STRING, FieldFormat.CURRENCY),
            of("grand_total", NUMBER),
            of("subtotal", NUMBER),
            of("discount", NUMBER),
            of("shipping", NUMBER),
            of("tax", NUMBER),
            of("total_refunded", NUMBER),
            of("web_id", STRING),
            of("ip_address", STRING),
            of("channel", STRING),
            of("store", STRING),
            of("payment_method", STRING),
            of("shipping_method", STRING),
            of("coupon_code", STRING),
            of("@merge", BOOLEAN),
            nested("customer", JsonType.OBJECT, NestedKind.CUSTOMER, CUSTOMER),
            nested("shipping_address", JsonType.OBJECT, NestedKind.ADDRESS, ADDRESS),
            nested("billing_address", JsonType.OBJECT, NestedKind.ADDRESS, ADDRESS),
            nested("lineitems", JsonType.OBJECT_ARRAY, NestedKind.LINE_ITEM, LINE_ITEM),
            of(PROPERTIES, FREE_OBJECT)),
            List.of(Set.of(ID)),
            List.of(Set.of("timestamp"), Set.of("grand_total"), Set.of("currency")));

    /** A product. */
    public static final ObjectSpec PRODUCT = new ObjectSpec("product", List.of(
            of("@type", STRING),
            of(ID, STRING, FieldFormat.ID),
            of("title", STRING),
            of("sku", STRING),
            of("url", STRING),
            of("image_url", STRING),
            of("price", NUMBER),
            of("special_price", NUMBER),
            of("special_price_dt_from", DATE),
            of("special_price_dt_to", DATE),
            of("is_active", BOOLEAN),
            of("is_in_stock", BOOLEAN),
            of("is_variant", BOOLEAN),
            of("parent_id", STRING, FieldFormat.ID),
            of("stores", STRING_ARRAY),
            of("@merge", BOOLEAN),
            of(PROPERTIES, FREE_OBJECT)),
            List.of(Set.of(ID)), List.of());

    /** A custom event. */
    public static final ObjectSpec CUSTOM_EVENT = new ObjectSpec("custom_event", List.of(
            of("@type", STRING),
            of(ID, STRING, FieldFormat.ID),
            of("event_type", STRING, FieldFormat.EVENT_TYPE),
            of("timestamp", TIMESTAMP),
            of("identity_email", STRING, FieldFormat.EMAIL),
            of("identity_account_id", STRING, FieldFormat.ID),
            of("profile_id", STRING),
            of(PROPERTIES, FREE_OBJECT)),
            List.of(Set.of(ID), Set.of("event_type")),
            List.of(Set.of("timestamp"), Set.of("identity_email", "identity_account_id", "profile_id")));

    private OmetriaSchema() {
    }

    private static FieldSpec nested(String name, JsonType type, NestedKind kind, ObjectSpec spec) {
        return new FieldSpec(name, type, FieldFormat.NONE, kind, spec);
    }

    /**
     * Whether the serializer writes this top-level field itself, so that no member may map it:
     * {@code @type}, {@code @collection} (from {@code @OmetriaContact(collection)}) and a custom event's
     * {@code event_type} (from {@code @OmetriaCustomEvent(eventType)}).
     *
     * @param recordType the record type
     * @param fieldName the JSON field name
     * @return true when the field cannot be mapped
     */
    public static boolean isWrittenBySerializer(RecordType recordType, String fieldName) {
        return fieldName.equals("@type")
                || fieldName.equals("@collection")
                || (recordType == RecordType.CUSTOM_EVENT && fieldName.equals("event_type"));
    }
}
