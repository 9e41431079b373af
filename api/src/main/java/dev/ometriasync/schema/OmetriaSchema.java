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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue itself: Ometria's record types and nested objects, from Ometria's public material. Each
 * field added later says where it comes from; "[DOC]" is Ometria's documentation, "[OMETRIA-CODE]" Ometria's own
 * Magento 2 extension, "[PEER]" RudderStack's Ometria destination.
 *
 * <p>Fields written by the serializer itself ({@code @type}, a contact's {@code @collection}, a custom
 * event's {@code event_type}) are listed so that validation knows them; {@link #isWrittenBySerializer}
 * tells the processor they cannot be mapped.
 */
public final class OmetriaSchema {

    /** Ometria's maximum number of records in one push request. */
    public static final int MAX_RECORDS_PER_REQUEST = 100;

    /**
     * Ometria's maximum size of one record, in bytes of UTF-8 JSON. Ometria writes "60k byte" (older pages) and
     * "60KB" (current page), which may mean 60,000 or 61,440 bytes; the smaller reading is taken, so that no record
     * Ometria could refuse as too large is ever sent.
     */
    public static final int MAX_RECORD_BYTES = 60_000;

    /** Longest custom event type Ometria keeps without truncating. */
    public static final int MAX_EVENT_TYPE_LENGTH = 32;

    /** The key under which custom values are written. */
    public static final String PROPERTIES = "properties";

    /** The field that holds every record's id. */
    public static final String ID = "id";

    /** The field that names a record's type. */
    public static final String TYPE = "@type";

    /** The field that names a contact's collection. */
    public static final String COLLECTION = "@collection";

    /**
     * The fields of a record's key ({@code @type}, {@code @collection}, {@code id}): written from the key, never
     * among a record's other fields.
     */
    public static final List<String> KEY_FIELDS = List.of(TYPE, COLLECTION, ID);

    /**
     * How a contact is written as an order's {@code customer} object: contact field → customer field, in the order
     * they are written. The customer's {@code id} is the contact's {@code customer_id}.
     */
    public static final Map<String, String> CUSTOMER_FROM_CONTACT;

    static {
        Map<String, String> customer = new LinkedHashMap<>();
        customer.put("customer_id", ID);
        customer.put("email", "email");
        customer.put("firstname", "firstname");
        customer.put("lastname", "lastname");
        CUSTOMER_FROM_CONTACT = Collections.unmodifiableMap(customer);
    }

    /** Why Ometria needs a recommended (or required) field, for the processor's warning when none is mapped. */
    private static final Map<String, String> NEEDED_FOR = Map.ofEntries(
            Map.entry("email", "to match the listing to a profile"),
            Map.entry("customer_id", "to match the listing to a profile"),
            Map.entry("phone_number", "to match the listing to a profile"),
            Map.entry("timestamp", "to place the record in time"),
            Map.entry("grand_total", "for revenue reporting"),
            Map.entry("currency", "to know which currency the amounts are in"),
            Map.entry("product_id", "to link the line to a product"),
            Map.entry("product", "to link the line to a product"),
            Map.entry("quantity", "to value the line"),
            Map.entry("unit_price", "to value the line"),
            Map.entry("subtotal", "to value the line"),
            Map.entry("type", "to know which attribute this is"),
            Map.entry("store_id", "to know which store the listing overrides"));

    /**
     * The key of a product's store listings. Not confirmed for push: Ometria's Magento feed says
     * {@code store_listings}, an unreleased RudderStack draft {@code listings}. Kept in
     * this one place so that a confirmation changes one line.
     */
    public static final String PRODUCT_LISTINGS = "listings";

    /**
     * The fields that tie a custom event to a contact: Ometria queues an event without any of them but attaches it
     * to no one, so it drives no automation (support.ometria.com 2017-12 release note
     * [DOC]; RudderStack requires the identity fields [PEER]).
     */
    public static final Set<String> CUSTOM_EVENT_IDENTITY = Set.of("identity_email", "identity_account_id", "profile_id");

    /**
     * The values of a contact's {@code marketing_optin}. Source: Ometria's contact documentation lists exactly
     * these three ([DOC]); an older support page's true/false is not used for push.
     */
    public static final List<String> MARKETING_OPTIN_VALUES =
            List.of("EXPLICITLY_OPTEDIN", "EXPLICITLY_OPTEDOUT", "NOT_SPECIFIED");

    /**
     * The values of a contact's {@code gender}. Source: Ometria's examples send {@code "m"} and {@code "f"}, and
     * the RudderStack Ometria destination normalises every gender to {@code f}, {@code m} or {@code o}
     * ([DOC] example / [PEER]); Ometria documents no other values.
     */
    public static final List<String> GENDER_VALUES = List.of("m", "f", "o");

    /** SMS consent, inside a contact's {@code channels}. */
    public static final ObjectSpec SMS_CHANNEL = new ObjectSpec("channels.sms", List.of(
            of("allow_marketing", BOOLEAN),
            of("allow_transactional", BOOLEAN),
            of("dt_updated_marketing", TIMESTAMP),
            of("dt_updated_transactional", TIMESTAMP)), List.of(), List.of(),
            // Consent: never sent without the value the application set (issue 13).
            Set.of("allow_marketing", "allow_transactional", "dt_updated_marketing", "dt_updated_transactional"));

    /** A contact's channel consents; only SMS is known. */
    public static final ObjectSpec CHANNELS = new ObjectSpec("channels", List.of(
            nested("sms", JsonType.OBJECT, NestedKind.NONE, SMS_CHANNEL)), List.of(), List.of(), Set.of("sms"));

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
            // List ids: the element type is not documented; Ometria's ids are strings ([SEED] "ID Fields"), and
            // integral numbers are written as strings, as for record ids.
            of("@add_to_lists", STRING_ARRAY, FieldFormat.ID),
            of("@remove_from_lists", STRING_ARRAY, FieldFormat.ID),
            of(PROPERTIES, FREE_OBJECT),
            nested("channels", JsonType.OBJECT, NestedKind.NONE, CHANNELS)),
            List.of(Set.of(ID)),
            // phone_number alone identifies a contact in Ometria's SMS double opt-in ([DOC]).
            List.of(Set.of("email", "customer_id", "phone_number")),
            // Consent: never sent without the value the application set (issue 13).
            Set.of("marketing_optin", "@force_optin", "timestamp_subscribed", "timestamp_unsubscribed", "channels"));

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

    /**
     * A product embedded in a line item, instead of or beside {@code product_id}: "When pushing orders it is
     * possible to add the products object inside of the orders object" (Data API introduction, [DOC]); Ometria's
     * Magento feed writes {@code {"id", "sku", "title", "base_price", "price"}} ([OMETRIA-CODE]
     * {@code Api/Controller/V1/Orders.php}). Mapped with dotted paths such as {@code @OmetriaField("product.title")}.
     */
    public static final ObjectSpec LINE_ITEM_PRODUCT = new ObjectSpec("line item product", List.of(
            of(ID, STRING, FieldFormat.ID),
            of("sku", STRING),
            of("title", STRING),
            of("price", NUMBER),
            of("base_price", NUMBER),
            of("url", STRING),
            of("image_url", STRING)),
            List.of(Set.of(ID)), List.of());

    /** An order line, inside {@code lineitems}. */
    public static final ObjectSpec LINE_ITEM = new ObjectSpec("line item", List.of(
            new FieldSpec("product_id", STRING, FieldFormat.ID, NestedKind.PRODUCT_REFERENCE, null),
            nested("product", JsonType.OBJECT, NestedKind.NONE, LINE_ITEM_PRODUCT),
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
            // Mapped by RudderStack ([PEER] OmetriaLineitems.json); its structure is not documented anywhere read,
            // so it is a free object of key/values.
            of("totals", FREE_OBJECT),
            nested("variant_options", JsonType.OBJECT_ARRAY, NestedKind.VARIANT_OPTION, VARIANT_OPTION),
            of(PROPERTIES, FREE_OBJECT)),
            List.of(Set.of("product_id", "product"), Set.of("quantity"), Set.of("unit_price", "subtotal")), List.of(),
            Set.of("quantity", "unit_price", "subtotal", "tax", "discount", "total", "quantity_refunded", "refunded"));

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
            List.of(Set.of("timestamp"), Set.of("grand_total"), Set.of("currency")),
            // Money, and is_valid (false removes the order's revenue): never sent without them (issue 13).
            Set.of("is_valid", "currency", "grand_total", "subtotal", "discount", "shipping", "tax", "total_refunded",
                    "lineitems"));

    /**
     * A product attribute, inside {@code attributes}: {@code {type, id or value, label}}, used by recommendations
     * and filters. Legacy API reference (GET /products example, [DOC]); Ometria's Magento feed writes {@code id} for
     * select attributes and {@code value} for the others, with a {@code label} ([OMETRIA-CODE]
     * {@code Api/Controller/V1/Products.php}). Without a type, and an id or a value, nothing can filter on it.
     */
    public static final ObjectSpec PRODUCT_ATTRIBUTE = new ObjectSpec("product attribute", List.of(
            of("type", STRING),
            of(ID, STRING, FieldFormat.ID),
            of("value", STRING),
            of("label", STRING)),
            List.of(Set.of("type"), Set.of(ID, "value")), List.of());

    /**
     * A product's listing in one store: per-store overrides of price, URL, image, title, sale price and
     * {@code is_active} (docs.ometria.com "Products, product listings and product variants", product endpoint
     * [DOC]); field names as Ometria's Magento feed writes them, including {@code store_currency}
     * ([OMETRIA-CODE] {@code Api/Controller/V1/Products.php}). A listing belongs to a store, so it needs its
     * {@code store_id}.
     */
    public static final ObjectSpec PRODUCT_LISTING = new ObjectSpec("product listing", List.of(
            of("store_id", STRING, FieldFormat.ID),
            of("title", STRING),
            of("url", STRING),
            of("image_url", STRING),
            of("price", NUMBER),
            of("special_price", NUMBER),
            of("store_currency", STRING, FieldFormat.CURRENCY),
            of("is_active", BOOLEAN)),
            List.of(Set.of("store_id")), List.of());

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
            // "Date the special price is valid from/to" (product endpoint, [DOC]): a date, as the simulator reads it.
            of("special_price_dt_from", DATE),
            of("special_price_dt_to", DATE),
            of("is_active", BOOLEAN),
            of("is_in_stock", BOOLEAN),
            of("is_variant", BOOLEAN),
            of("parent_id", STRING, FieldFormat.ID),
            of("stores", STRING_ARRAY),
            // Named on the product-recommendations page ([DOC]).
            of("currency", STRING, FieldFormat.CURRENCY),
            // With @merge, attributes are replaced whole.
            nested("attributes", JsonType.OBJECT_ARRAY, NestedKind.PRODUCT_ATTRIBUTE, PRODUCT_ATTRIBUTE),
            nested(PRODUCT_LISTINGS, JsonType.OBJECT_ARRAY, NestedKind.PRODUCT_LISTING, PRODUCT_LISTING),
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
            List.of(Set.of(ID), Set.of("event_type"), CUSTOM_EVENT_IDENTITY),
            List.of(Set.of("timestamp")));

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
        return isHeader(fieldName) || (recordType == RecordType.CUSTOM_EVENT && fieldName.equals("event_type"));
    }

    /**
     * Whether a field is {@code @type} or {@code @collection}: written from the record's type and the contact's
     * collection, never mapped from a member.
     *
     * @param fieldName the JSON field name
     * @return true for {@code @type} and {@code @collection}
     */
    public static boolean isHeader(String fieldName) {
        return fieldName.equals(TYPE) || fieldName.equals(COLLECTION);
    }

    /**
     * Why Ometria needs a field that a type should map (its recommended fields, and required fields beyond the id).
     *
     * @param fieldName the JSON field name
     * @return a phrase such as "to match the listing to a profile"; "for the object to be valid" for any other field
     */
    public static String neededFor(String fieldName) {
        return NEEDED_FOR.getOrDefault(fieldName, "for the object to be valid");
    }

    /**
     * The field that a deleted entity's record sets to {@code false} under {@code DeletePolicy.DEACTIVATE}: an
     * order's {@code is_valid}, a product's {@code is_active}. Contacts and custom events have none.
     *
     * @param recordType the record type
     * @return the boolean field, when the type has one
     */
    public static Optional<String> deactivationField(RecordType recordType) {
        return switch (recordType) {
            case ORDER -> Optional.of("is_valid");
            case PRODUCT -> Optional.of("is_active");
            default -> Optional.empty();
        };
    }
}
