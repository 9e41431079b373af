package dev.ometriasync.hibernate.internal;

import dev.ometriasync.schema.RecordType;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

/** Converts between captured changes and outbox rows, and writes rows on a given connection. */
final class OutboxRows {

    private OutboxRows() {
    }

    static CapturedChange toChange(OutboxEntry row) {
        return new CapturedChange(OutboxOperation.valueOf(row.getOperation()), row.getEntityName(), null, row.getEntityId(),
                RecordType.fromJsonName(row.getOmetriaType()), row.getOmetriaCollection(), row.getOmetriaId(),
                ChangedProperties.parse(row.getChangedProperties()));
    }

    /**
     * Inserts rows through a child stateless session on the given connection, so that they commit or roll
     * back with whatever transaction that connection is in. The child session does not manage the
     * connection's transaction and leaves the connection open.
     *
     * @param factory the SessionFactory
     * @param connection the business transaction's connection
     * @param changes the changes
     * @param dueAt when the rows become due
     */
    static void insert(SessionFactory factory, Connection connection, List<CapturedChange> changes, Instant dueAt) {

        Instant now = Instant.now();
        try (StatelessSession child = factory.withStatelessOptions().connection(connection).openStatelessSession()) {
            for (CapturedChange change : changes) {
                child.insert(new OutboxEntry(change, dueAt, now));
            }
        }
    }
}
