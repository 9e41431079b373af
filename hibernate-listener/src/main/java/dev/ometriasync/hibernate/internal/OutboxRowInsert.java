package dev.ometriasync.hibernate.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Writes outbox rows on a given connection as one JDBC statement (a batch when there are several rows), so that
 * they commit or roll back with whatever transaction that connection is in.
 *
 * <p>Why not {@code StatelessSession.insert}: the row id is an identity column, so Hibernate inserts the rows one
 * statement and one round trip at a time and reads every generated key back — in the business transaction, where
 * each round trip is paid by the user's commit. The id is never needed at insert time. Table and column names and
 * each value's binding are still Hibernate's own, taken from the {@link OutboxEntry} mapping, so the rows are
 * exactly those Hibernate would write (an {@code Instant} is bound as the dialect stores it, the table is qualified
 * with {@code hibernate.default_schema}, and so on).
 */
final class OutboxRowInsert {

    /** The attributes written on insert, and their values; the rest (id, claim, last error) start out null. */
    private static final Map<String, Function<OutboxEntry, Object>> ATTRIBUTES = attributes();

    private static Map<String, Function<OutboxEntry, Object>> attributes() {
        Map<String, Function<OutboxEntry, Object>> values = new LinkedHashMap<>();
        values.put("operation", OutboxEntry::getOperation);
        values.put("entityName", OutboxEntry::getEntityName);
        values.put("entityId", OutboxEntry::getEntityId);
        values.put("ometriaType", OutboxEntry::getOmetriaType);
        values.put("ometriaCollection", OutboxEntry::getOmetriaCollection);
        values.put("ometriaId", OutboxEntry::getOmetriaId);
        values.put("changedProperties", OutboxEntry::getChangedProperties);
        values.put("attempts", OutboxEntry::getAttempts);
        values.put("nextAttemptAt", OutboxEntry::getNextAttemptAt);
        values.put("status", OutboxEntry::getStatus);
        values.put("createdAt", OutboxEntry::getCreatedAt);
        return Collections.unmodifiableMap(values);
    }

    private final SessionFactoryImplementor factory;
    /** Built on first use: the mapping model is not complete while integrators run. */
    private volatile MappedInsert statement;

    OutboxRowInsert(SessionFactoryImplementor factory) {
        this.factory = factory;
    }

    /**
     * Inserts one pending row per change.
     *
     * @param connection the connection of the transaction the rows belong to; left open
     * @param changes the changes
     * @param dueAt when the rows become due
     * @throws SQLException when the database refuses the rows
     */
    void insert(Connection connection, List<CapturedChange> changes, Instant dueAt) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        MappedInsert insert = statement();
        Instant now = Instant.now();
        try (PreparedStatement prepared = connection.prepareStatement(insert.sql())) {
            for (CapturedChange change : changes) {
                OutboxEntry row = new OutboxEntry(change, dueAt, now);
                insert.bind(prepared, values(row), factory.getWrapperOptions());
                if (changes.size() > 1) {
                    prepared.addBatch();
                }
            }
            if (changes.size() > 1) {
                prepared.executeBatch();
            } else {
                prepared.executeUpdate();
            }
        }
    }

    private MappedInsert statement() {
        MappedInsert built = statement;
        if (built == null) {
            built = MappedInsert.of(factory, OutboxEntry.class, List.copyOf(ATTRIBUTES.keySet()));
            statement = built;
        }
        return built;
    }

    private static List<Object> values(OutboxEntry row) {
        List<Object> values = new ArrayList<>(ATTRIBUTES.size());
        for (Function<OutboxEntry, Object> value : ATTRIBUTES.values()) {
            values.add(value.apply(row));
        }
        return values;
    }
}
