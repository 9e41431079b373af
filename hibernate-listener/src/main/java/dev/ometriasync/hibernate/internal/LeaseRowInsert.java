package dev.ometriasync.hibernate.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Creates the relay lease row when it is absent, quietly when another instance creates it at the same moment.
 *
 * <p>Instances that start together all find no row and insert it; all but one meet the primary key. Through
 * Hibernate, that duplicate key is logged by its {@code SqlExceptionHelper} as a WARN and an ERROR, which operators
 * read as a failure although it is the expected outcome. Here the insert is plain JDBC on the session's connection,
 * inside a savepoint, so the duplicate is recognised, rolled back to the savepoint (PostgreSQL would otherwise
 * abort the whole transaction) and never logged. The SQL is the same on every supported database (H2, PostgreSQL,
 * MySQL/MariaDB, SQL Server, Oracle); the expiry is a placeholder ({@code current_timestamp}) the caller replaces
 * through Hibernate, which knows how each database stores an {@code Instant}.
 */
final class LeaseRowInsert {

    private LeaseRowInsert() {
    }

    /**
     * Inserts the lease row for {@code holder}, in the session's transaction.
     *
     * @param session an open session in a transaction
     * @param name the lease's name
     * @param holder the instance that takes the lease
     * @return true when this transaction inserted the row; false when another transaction already had it
     */
    static boolean insertIfAbsent(Session session, String name, String holder) {
        String table = session.getSessionFactory().unwrap(SessionFactoryImplementor.class).getMappingMetamodel()
                .getEntityDescriptor(RelayLease.class).getIdentifierTableDetails().getTableName();
        String sql = "insert into " + table + " (name, holder, expires_at) values (?, ?, current_timestamp)";
        return session.doReturningWork(connection -> insert(connection, sql, name, holder));
    }

    private static boolean insert(Connection connection, String sql, String name, String holder) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, name);
            insert.setString(2, holder);
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            connection.rollback(savepoint);
            return false;
        }
    }

    /** SQLState class 23, integrity constraint violation: what every supported database reports for the key. */
    private static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
