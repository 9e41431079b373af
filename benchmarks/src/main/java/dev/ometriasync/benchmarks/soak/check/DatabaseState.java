package dev.ometriasync.benchmarks.soak.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ometriasync.benchmarks.soak.model.SoakContact;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads what Ometria must hold straight from the soak's tables with plain JDBC, mapping columns to Ometria fields
 * by hand: independent of ometria-sync's generated serializers, so a serializer that wrote a wrong value would show
 * up as a mismatch rather than agree with itself.
 */
public final class DatabaseState {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DatabaseState() {
    }

    /**
     * @param connection a connection to the soak's database; call when no change is being made
     * @return the expected state
     * @throws SQLException when the tables cannot be read
     */
    public static ExpectedState read(Connection connection) throws SQLException {
        Map<OmetriaKey, ObjectNode> live = new HashMap<>();
        Set<OmetriaKey> deleted = new HashSet<>();
        try (Statement statement = connection.createStatement()) {
            readContacts(statement, live);
            readProducts(statement, live);
            readOrders(statement, live);
            try (ResultSet rows = statement.executeQuery("select ometria_type, ometria_id from soak_tombstone")) {
                while (rows.next()) {
                    deleted.add(new OmetriaKey(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return new ExpectedState(live, deleted);
    }

    private static void readContacts(Statement statement, Map<OmetriaKey, ObjectNode> live) throws SQLException {
        String sql = "select id, email, first_name, middle_name, last_name, country, birth_date, optin, acquired_at"
                + " from soak_contact";
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String id = Long.toString(rows.getLong("id"));
                ObjectNode record = record("contact", id);
                record.put("@collection", SoakContact.COLLECTION);
                text(record, "email", rows.getString("email"));
                text(record, "firstname", rows.getString("first_name"));
                text(record, "middlename", rows.getString("middle_name"));
                text(record, "lastname", rows.getString("last_name"));
                text(record, "country_id", rows.getString("country"));
                Date birth = rows.getDate("birth_date");
                text(record, "date_of_birth", birth == null ? null : birth.toLocalDate().toString());
                text(record, "marketing_optin", rows.getString("optin"));
                instant(record, "timestamp_acquired", rows.getObject("acquired_at", OffsetDateTime.class));
                live.put(new OmetriaKey("contact", id), record);
            }
        }
    }

    private static void readProducts(Statement statement, Map<OmetriaKey, ObjectNode> live) throws SQLException {
        try (ResultSet rows = statement.executeQuery("select id, title, price from soak_product")) {
            while (rows.next()) {
                String id = rows.getString("id");
                ObjectNode record = record("product", id);
                text(record, "title", rows.getString("title"));
                number(record, "price", rows.getBigDecimal("price"));
                live.put(new OmetriaKey("product", id), record);
            }
        }
    }

    private static void readOrders(Statement statement, Map<OmetriaKey, ObjectNode> live) throws SQLException {
        Map<String, ObjectNode> orders = new HashMap<>();
        String sql = "select id, placed_at, status, currency, grand_total, coupon_code from soak_order";
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String id = rows.getString("id");
                ObjectNode record = record("order", id);
                instant(record, "timestamp", rows.getObject("placed_at", OffsetDateTime.class));
                text(record, "status", rows.getString("status"));
                text(record, "currency", rows.getString("currency"));
                number(record, "grand_total", rows.getBigDecimal("grand_total"));
                text(record, "coupon_code", rows.getString("coupon_code"));
                record.putArray("lineitems");
                orders.put(id, record);
                live.put(new OmetriaKey("order", id), record);
            }
        }
        String lines = "select order_id, product_id, quantity, unit_price from soak_order_line order by order_id, position";
        try (ResultSet rows = statement.executeQuery(lines)) {
            while (rows.next()) {
                ObjectNode order = orders.get(rows.getString("order_id"));
                if (order == null) {
                    continue; // impossible with the foreign key; a line never outlives its order
                }
                ObjectNode line = ((ArrayNode) order.get("lineitems")).addObject();
                text(line, "product_id", rows.getString("product_id"));
                int quantity = rows.getInt("quantity");
                if (!rows.wasNull()) {
                    line.put("quantity", quantity);
                }
                number(line, "unit_price", rows.getBigDecimal("unit_price"));
            }
        }
    }

    private static ObjectNode record(String type, String id) {
        ObjectNode record = JSON.createObjectNode();
        record.put("@type", type);
        record.put("id", id);
        return record;
    }

    private static void text(ObjectNode record, String field, String value) {
        if (value != null) {
            record.put(field, value);
        }
    }

    private static void number(ObjectNode record, String field, BigDecimal value) {
        if (value != null) {
            record.put(field, value);
        }
    }

    private static void instant(ObjectNode record, String field, OffsetDateTime value) {
        if (value != null) {
            record.put(field, value.toInstant().toString());
        }
    }
}
