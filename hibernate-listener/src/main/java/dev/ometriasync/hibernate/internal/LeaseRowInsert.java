package dev.ometriasync.hibernate.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Creates the relay lease row when it is absent, quietly when another instance creates it at the same moment.
 *
 * <p>Instances that start together all find no row and insert it; all but one meet the primary key. Through
 * Hibernate, that duplicate key is logged by its SQL error logging as a WARN and an ERROR, which operators read as a
 * failure although it is the expected outcome. Here the insert is plain JDBC on the session's connection, inside a
 * savepoint, so the duplicate is recognised, rolled back to the savepoint (PostgreSQL would otherwise abort the
 * whole transaction) and never logged. Table, columns and the binding of each value are Hibernate's own, from the
 * {@link RelayLease} mapping ({@link MappedInsert}), so the row is the one Hibernate
 * would write on every supported database.
 */
final class LeaseRowInsert {

    private LeaseRowInsert() {
    }

    /**
     * Inserts the lease row, in the session's transaction.
     *
     * @param session an open session in a transaction
     * @param row the row
     * @return true when this transaction inserted the row; false when another transaction already had it
     */
    static boolean insertIfAbsent(Session session, RelayLease row) {
        SessionFactoryImplementor factory = session.getSessionFactory().unwrap(SessionFactoryImplementor.class);
        MappedInsert lease = MappedInsert.of(factory, RelayLease.class, List.of("name", "holder", "expiresAt"));
        List<Object> values = List.of(row.getName(), row.getHolder(), row.getExpiresAt());
        return session.doReturningWork(connection -> {
            Savepoint savepoint = connection.setSavepoint();
            try (PreparedStatement insert = connection.prepareStatement(lease.sql())) {
                lease.bind(insert, values, factory.getWrapperOptions());
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (!isDuplicateKey(e)) {
                    throw e;
                }
                connection.rollback(savepoint);
                return false;
            }
        });
    }

    /** SQLState class 23, integrity constraint violation: what every supported database reports for the key. */
    private static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
