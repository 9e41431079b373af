package dev.ometriasync.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ometria's asynchronous record validation, as the simulator plays it: the field types and formats Ometria documents
 * for {@code contact}, {@code order}, {@code product} and {@code custom_event}, including
 * nested customers, addresses, line items (minimum fields) and variant options (id, type, label).
 *
 * <p>Every problem found is reported, each with an Ometria-style path ({@code root > lineitems > 0 > quantity}).
 * A record with any problem is not stored (assumption: Ometria does not say whether it drops the record or only
 * the field). A {@code custom_event}'s {@code event_type} over 32 characters is not a problem here: Ometria
 * truncates it (see {@link #truncateEventType(ObjectNode)}). Nor is a custom event without any identity field:
 * Ometria queues it and ties it to no contact (see {@link #hasIdentity(ObjectNode)}).
 */
public final class RecordChecker {

    /** One validation failure. */
    public record Problem(String message, String path) {
    }

    /** The record types the push endpoint accepts. */
    public static final Set<String> RECORD_TYPES = Set.of("contact", "order", "product", "custom_event");

    /** Ometria truncates longer custom event types. */
    public static final int EVENT_TYPE_MAX_LENGTH = 32;

    /** The fields that tie a custom event to a contact. */
    public static final List<String> EVENT_IDENTITY = List.of("identity_email", "identity_account_id", "profile_id");

    /**
     * The key of a product's store listings: not confirmed for push (Ometria's Magento feed
     * says {@code store_listings}); the simulator takes {@code listings}, the key RudderStack's draft uses.
     */
    public static final String PRODUCT_LISTINGS = "listings";

    private final Map<String, ObjectShape> shapes;

    /**
     * @param reportUnknownFields whether fields missing from the simulator's tables are reported as
     *     {@code unknown field} (off by default: those tables are incomplete)
     */
    public RecordChecker(boolean reportUnknownFields) {
        this.shapes = Map.of(
                "contact", contact(reportUnknownFields),
                "order", order(reportUnknownFields),
                "product", product(reportUnknownFields),
                "custom_event", customEvent(reportUnknownFields));
    }

    /** @return every problem of a record that passed intake (object with a known {@code @type} and an id) */
    public List<Problem> check(ObjectNode record) {
        List<Problem> problems = new ArrayList<>();
        ObjectShape shape = shapes.get(record.get("@type").asText());
        shape.check(record, "root", problems);
        return problems;
    }

    /**
     * Whether a custom event names the contact it belongs to. Ometria queues an event without any identity field but
     * attaches it to no one, so it can drive no automation; the simulator stores it and
     * lists it among the events without a contact.
     */
    public static boolean hasIdentity(ObjectNode record) {
        return EVENT_IDENTITY.stream().anyMatch(field -> record.hasNonNull(field)
                && !(record.get(field).isTextual() && record.get(field).textValue().isBlank()));
    }

    /**
     * Cuts a custom event's {@code event_type} to {@value #EVENT_TYPE_MAX_LENGTH} characters, as Ometria does.
     *
     * @return whether it was cut
     */
    public static boolean truncateEventType(ObjectNode record) {
        JsonNode eventType = record.get("event_type");
        if ("custom_event".equals(record.path("@type").asText()) && eventType != null && eventType.isTextual()
                && eventType.textValue().length() > EVENT_TYPE_MAX_LENGTH) {
            record.put("event_type", eventType.textValue().substring(0, EVENT_TYPE_MAX_LENGTH));
            return true;
        }
        return false;
    }

    private static ObjectShape record(String type, boolean strict) {
        return new ObjectShape().strict(strict)
                .field("@type", ValueRule.textMatching(type::equals))
                .required("id", ValueRule.ID);
    }

    /** An integral record id is accepted (Ometria's own extension sends them); its text is the key. */
    static boolean isRecordId(JsonNode id) {
        return id != null && (id.isIntegralNumber() || (id.isTextual() && !id.textValue().isEmpty()));
    }

    private static ObjectShape contact(boolean strict) {
        ObjectShape sms = new ObjectShape().strict(strict)
                .fields(ValueRule.BOOLEAN, "allow_marketing", "allow_transactional")
                .fields(ValueRule.TIMESTAMP, "dt_updated_marketing", "dt_updated_transactional");
        ObjectShape channels = new ObjectShape().strict(strict).field("sms", sms);
        return record("contact", strict)
                .field("@collection", ValueRule.STRING)
                .field("email", ValueRule.EMAIL)
                .field("phone_number", ValueRule.PHONE)
                .field("customer_id", ValueRule.ID)
                .fields(ValueRule.STRING, "prefix", "firstname", "middlename", "lastname", "gender", "timezone")
                .field("date_of_birth", ValueRule.DATE)
                .field("country_id", ValueRule.COUNTRY)
                .field("store_ids", ValueRule.STRING_ARRAY)
                .field("marketing_optin", ValueRule.MARKETING_OPTIN)
                .fields(ValueRule.TIMESTAMP, "timestamp_acquired", "timestamp_subscribed", "timestamp_unsubscribed")
                .fields(ValueRule.BOOLEAN, "@force_optin", "@merge")
                .fields(ValueRule.ID_ARRAY, "@add_to_lists", "@remove_from_lists")
                .field("properties", ValueRule.OBJECT)
                .field("channels", channels);
    }

    private static ObjectShape order(boolean strict) {
        ObjectShape customer = new ObjectShape().strict(strict)
                .field("id", ValueRule.ID)
                .field("email", ValueRule.EMAIL)
                .fields(ValueRule.STRING, "firstname", "lastname");
        ObjectShape address = new ObjectShape().strict(strict)
                .fields(ValueRule.STRING, "city", "state", "postcode", "firstname", "lastname")
                .field("country_code", ValueRule.COUNTRY);
        ObjectShape variantOption = new ObjectShape().strict(strict)
                .required("id", ValueRule.ID)
                .required("type", ValueRule.STRING)
                .required("label", ValueRule.STRING);
        // A line item may embed its product instead of, or beside, product_id (Data API introduction; Ometria's Magento
        // feed writes {"id", "sku", "title", "base_price", "price"}).
        ObjectShape embeddedProduct = new ObjectShape().strict(strict)
                .required("id", ValueRule.ID)
                .fields(ValueRule.STRING, "sku", "title", "url", "image_url")
                .fields(ValueRule.NUMBER, "price", "base_price");
        ObjectShape lineItem = new ObjectShape().strict(strict)
                .field("product_id", ValueRule.ID)
                .field("product", embeddedProduct)
                .requiredOneOf("product_id", "product")
                .required("quantity", ValueRule.NUMBER)
                .fields(ValueRule.NUMBER, "unit_price", "subtotal")
                .requiredOneOf("unit_price", "subtotal")
                .field("variant_id", ValueRule.ID)
                .field("sku", ValueRule.STRING)
                .fields(ValueRule.NUMBER, "tax", "discount", "total", "quantity_refunded", "refunded")
                .field("is_on_sale", ValueRule.BOOLEAN)
                .field("totals", ValueRule.OBJECT)
                .field("variant_options", variantOption.asArrayElements())
                .field("properties", ValueRule.OBJECT);
        return record("order", strict)
                .field("timestamp", ValueRule.TIMESTAMP)
                .field("status", ValueRule.STRING)
                .field("is_valid", ValueRule.BOOLEAN)
                .fields(ValueRule.CURRENCY, "currency", "base_currency")
                .fields(ValueRule.NUMBER, "grand_total", "subtotal", "discount", "shipping", "tax", "total_refunded",
                        "base_grand_total", "base_subtotal", "base_discount", "base_shipping", "base_tax",
                        "base_total_refunded")
                .fields(ValueRule.STRING, "web_id", "ip_address", "channel", "store", "payment_method",
                        "shipping_method", "coupon_code")
                .field("customer", customer)
                .field("shipping_address", address)
                .field("billing_address", address)
                .field("lineitems", lineItem.asArrayElements())
                .field("properties", ValueRule.OBJECT)
                .field("@merge", ValueRule.BOOLEAN);
    }

    private static ObjectShape product(boolean strict) {
        // {type, id or value, label}: legacy API reference, Ometria's Magento feed.
        ObjectShape attribute = new ObjectShape().strict(strict)
                .required("type", ValueRule.STRING)
                .field("id", ValueRule.ID)
                .field("value", ValueRule.STRING)
                .requiredOneOf("id", "value")
                .field("label", ValueRule.STRING);
        // Per-store overrides; names as Ometria's Magento feed writes them; a listing belongs to a store.
        ObjectShape listing = new ObjectShape().strict(strict)
                .required("store_id", ValueRule.ID)
                .fields(ValueRule.STRING, "title", "url", "image_url")
                .fields(ValueRule.NUMBER, "price", "special_price")
                .field("store_currency", ValueRule.CURRENCY)
                .field("is_active", ValueRule.BOOLEAN);
        return record("product", strict)
                .fields(ValueRule.STRING, "title", "sku", "url", "image_url")
                .field("parent_id", ValueRule.ID)
                .fields(ValueRule.NUMBER, "price", "special_price")
                // "Date the special price is valid from / to" (product endpoint page): a date.
                .fields(ValueRule.DATE, "special_price_dt_from", "special_price_dt_to")
                .fields(ValueRule.BOOLEAN, "is_active", "is_in_stock", "is_variant", "@merge")
                .field("attributes", attribute.asArrayElements())
                .field(PRODUCT_LISTINGS, listing.asArrayElements())
                .field("stores", ValueRule.STRING_ARRAY)
                .field("currency", ValueRule.CURRENCY)
                .field("properties", ValueRule.OBJECT);
    }

    private static ObjectShape customEvent(boolean strict) {
        return record("custom_event", strict)
                .required("event_type", ValueRule.textMatching(text -> !text.isBlank()))
                .field("timestamp", ValueRule.TIMESTAMP)
                .field("identity_email", ValueRule.EMAIL)
                .field("identity_account_id", ValueRule.ID)
                .field("profile_id", ValueRule.STRING)
                .field("properties", ValueRule.OBJECT);
    }
}
