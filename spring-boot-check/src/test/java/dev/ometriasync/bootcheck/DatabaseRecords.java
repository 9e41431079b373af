package dev.ometriasync.bootcheck;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What Ometria should hold, built straight from the database rows with SQL, independently of the entities and
 * of the generated serializers: the mapping of the shop's entities written out by hand, as Ometria's record
 * shapes describe it. Null columns are absent fields.
 */
final class DatabaseRecords {

    static final String COLLECTION = "boot-shop";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    DatabaseRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Everything, per Ometria type. */
    Map<String, List<ObjectNode>> all() {
        Map<String, List<ObjectNode>> all = new LinkedHashMap<>();
        all.put("product", products());
        all.put("contact", contacts());
        all.put("order", orders());
        return all;
    }

    List<ObjectNode> products() {
        return jdbc.sql("select sku, title, price, active from product order by id").query((rs, n) -> {
            ObjectNode r = JSON.createObjectNode();
            r.put("@type", "product");
            r.put("id", rs.getString("sku"));
            r.put("title", rs.getString("title"));
            r.put("price", rs.getBigDecimal("price"));
            r.put("is_active", rs.getBoolean("active"));
            return r;
        }).list();
    }

    List<ObjectNode> contacts() {
        return jdbc.sql("""
                select id, account_ref, email, first_name, last_name, marketing_optin, created_at, loyalty_tier
                from customer order by id""").query((rs, n) -> {
            ObjectNode r = JSON.createObjectNode();
            r.put("@type", "contact");
            r.put("@collection", COLLECTION);
            r.put("id", Long.toString(rs.getLong("id")));
            putIfPresent(r, "customer_id", rs.getString("account_ref"));
            putIfPresent(r, "email", rs.getString("email"));
            putIfPresent(r, "firstname", rs.getString("first_name"));
            putIfPresent(r, "lastname", rs.getString("last_name"));
            putIfPresent(r, "marketing_optin", rs.getString("marketing_optin"));
            putIfPresent(r, "timestamp_acquired", timestamp(rs.getObject("created_at", OffsetDateTime.class)));
            String tier = rs.getString("loyalty_tier");
            if (tier != null) {
                r.putObject("properties").put("loyalty_tier", tier);
            }
            return r;
        }).list();
    }

    List<ObjectNode> orders() {
        return jdbc.sql("""
                select o.id, o.placed_at, o.status, o.valid, o.currency, o.grand_total, o.gift_wrap,
                       c.account_ref, c.email, c.first_name, c.last_name
                from purchase_order o join customer c on c.id = o.customer_id order by o.id""").query((rs, n) -> {
            ObjectNode r = JSON.createObjectNode();
            long id = rs.getLong("id");
            r.put("@type", "order");
            r.put("id", Long.toString(id));
            putIfPresent(r, "timestamp", timestamp(rs.getObject("placed_at", OffsetDateTime.class)));
            putIfPresent(r, "status", rs.getString("status"));
            r.put("is_valid", rs.getBoolean("valid"));
            putIfPresent(r, "currency", rs.getString("currency"));
            r.put("grand_total", rs.getBigDecimal("grand_total"));
            ObjectNode customer = r.putObject("customer");
            putIfPresent(customer, "id", rs.getString("account_ref"));
            putIfPresent(customer, "email", rs.getString("email"));
            putIfPresent(customer, "firstname", rs.getString("first_name"));
            putIfPresent(customer, "lastname", rs.getString("last_name"));
            r.set("lineitems", lineItems(id));
            r.putObject("properties").put("gift_wrap", rs.getBoolean("gift_wrap"));
            return r;
        }).list();
    }

    private ArrayNode lineItems(long orderId) {
        ArrayNode lines = JSON.createArrayNode();
        jdbc.sql("""
                select p.sku, l.quantity, l.unit_price, l.subtotal
                from order_line l join product p on p.id = l.product_id where l.order_id = ? order by l.id""")
                .param(orderId)
                .query((rs, n) -> {
                    ObjectNode line = JSON.createObjectNode();
                    line.put("product_id", rs.getString("sku"));
                    line.put("quantity", rs.getInt("quantity"));
                    line.put("unit_price", rs.getBigDecimal("unit_price"));
                    line.put("subtotal", rs.getBigDecimal("subtotal"));
                    return line;
                }).list().forEach(lines::add);
        return lines;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String timestamp(OffsetDateTime value) {
        return value == null ? null : value.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static BigDecimal decimal(ObjectNode record, String field) {
        return record.path(field).decimalValue();
    }
}
