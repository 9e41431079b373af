package dev.ometriasync.hibernate.internal.backfill;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.jdbc.ReturningWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code ometria_backfill_checkpoint} with plain JDBC on the SessionFactory's connections,
 * each call in its own short transaction. The table is not mapped: applications that never backfill need not
 * create it.
 */
public final class CheckpointStore {

    /** The table name. */
    public static final String TABLE = "ometria_backfill_checkpoint";

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
    private static final String COLUMNS = "backfill_name, entity_name, last_id, status, changed_since, records_done, accepted, "
            + "rejected, started_at, updated_at";

    private final SessionFactoryImplementor factory;

    /**
     * Creates the store.
     *
     * @param factory the SessionFactory whose database holds the table
     */
    public CheckpointStore(SessionFactoryImplementor factory) {
        this.factory = factory;
    }

    /**
     * Checks that the table can be read; creates it from the shipped script when asked to.
     *
     * @param create create the table when it is missing
     * @throws IllegalStateException when the table is missing (and not to be created), with the DDL in the message
     */
    public void prepare(boolean create) {
        RuntimeException missing;
        try {
            inTransaction(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.executeQuery("select count(*) from " + TABLE + " where 1 = 0").close();
                }
                return null;
            });
            return;
        } catch (RuntimeException e) {
            missing = e;
        }
        String vendor = CheckpointDdl.vendorFor(factory.getJdbcServices().getDialect());
        if (create && vendor != null) {
            inTransaction(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(CheckpointDdl.statement(vendor));
                }
                return null;
            });
            LOG.info("ometria-sync backfill: created table {} (as {})", TABLE, CheckpointDdl.location(vendor));
            return;
        }
        String ddl = vendor == null
                ? "No statement for " + factory.getJdbcServices().getDialect().getClass().getSimpleName()
                        + " that the backfill runs itself; create it with the migration for your database, "
                        + CheckpointDdl.locations()
                : "Create it with (from " + CheckpointDdl.location(vendor) + " in ometria-sync-hibernate):\n\n"
                        + CheckpointDdl.statement(vendor) + ";";
        throw new IllegalStateException("The backfill keeps its checkpoint in the table " + TABLE + ", which is missing or unreadable ("
                + missing.getMessage() + ").\n" + ddl + "\nor let the backfill create it: OmetriaBackfill...createCheckpointTable()"
                + " (--create-checkpoint-table on the command line).", missing);
    }

    /**
     * The checkpoints of a backfill.
     *
     * @param backfillName the name
     * @return entity name → checkpoint
     */
    Map<String, Checkpoint> load(String backfillName) {
        return inTransaction(connection -> {
            Map<String, Checkpoint> rows = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from " + TABLE + " where backfill_name = ?")) {
                select.setString(1, backfillName);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Checkpoint checkpoint = new Checkpoint(rs.getString(1), rs.getString(2), rs.getString(3), "DONE".equals(rs.getString(4)),
                                rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getTimestamp(9).toInstant(),
                                rs.getTimestamp(10).toInstant());
                        rows.put(checkpoint.entityName(), checkpoint);
                    }
                }
            }
            return rows;
        });
    }

    /**
     * Writes a checkpoint (update, or insert when there is none yet).
     *
     * @param checkpoint the new state
     */
    void save(Checkpoint checkpoint) {
        inTransaction(connection -> {
            int updated;
            try (PreparedStatement update = connection.prepareStatement("update " + TABLE + " set last_id = ?, status = ?, changed_since = ?, "
                    + "records_done = ?, accepted = ?, rejected = ?, started_at = ?, updated_at = ? where backfill_name = ? and entity_name = ?")) {
                int i = bindState(update, checkpoint, 1);
                update.setString(i++, checkpoint.backfillName());
                update.setString(i, checkpoint.entityName());
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement insert = connection.prepareStatement("insert into " + TABLE + " (backfill_name, entity_name, last_id, "
                        + "status, changed_since, records_done, accepted, rejected, started_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, checkpoint.backfillName());
                    insert.setString(2, checkpoint.entityName());
                    bindState(insert, checkpoint, 3);
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    /**
     * Forgets a backfill: its next run starts at the beginning.
     *
     * @param backfillName the name
     */
    void delete(String backfillName) {
        inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("delete from " + TABLE + " where backfill_name = ?")) {
                delete.setString(1, backfillName);
                delete.executeUpdate();
            }
            return null;
        });
    }

    private static int bindState(PreparedStatement statement, Checkpoint checkpoint, int first) throws SQLException {
        int i = first;
        if (checkpoint.lastId() == null) {
            statement.setNull(i++, Types.VARCHAR);
        } else {
            statement.setString(i++, checkpoint.lastId());
        }
        statement.setString(i++, checkpoint.done() ? "DONE" : "RUNNING");
        if (checkpoint.changedSince() == null) {
            statement.setNull(i++, Types.VARCHAR);
        } else {
            statement.setString(i++, checkpoint.changedSince());
        }
        statement.setLong(i++, checkpoint.recordsDone());
        statement.setLong(i++, checkpoint.accepted());
        statement.setLong(i++, checkpoint.rejected());
        statement.setTimestamp(i++, Timestamp.from(checkpoint.startedAt()));
        statement.setTimestamp(i++, Timestamp.from(checkpoint.updatedAt()));
        return i;
    }

    private <T> T inTransaction(ReturningWork<T> work) {
        return factory.fromStatelessTransaction(session -> session.doReturningWork(work));
    }
}
