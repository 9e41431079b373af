package dev.ometriasync.hibernate.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Creates the relay lease row when it is absent, quietly when another instance creates it at the same moment.
 *
 * <p>Instances that start together all find no row and insert it; all but one meet the primary key. Through
 * Hibernate, that duplicate key is logged by its SQL error logging as a WARN and an ERROR, which operators read as a
 * failure although it is the expected outcome. Here the insert is plain JDBC on the session's connection, inside a
 * savepoint, so the duplicate is recognised, rolled back to the savepoint (PostgreSQL would otherwise abort the
 * whole transaction) and never logged. Table, columns and the binding of each value are Hibernate's own, from the
 * {@link RelayLease} mapping (as {@link OutboxRowInsert} does for outbox rows), so the row is the one Hibernate
 * would write on every supported database.
 */
final class LeaseRowInsert {

    private LeaseRowInsert() {
    }

    /**
     * Inserts the lease row, in the session's transaction.
     *
     * @param session an open session in a transaction
     * @param lease the row
     * @return true when this transaction inserted the row; false when another transaction already had it
     */
    static boolean insertIfAbsent(Session session, RelayLease lease) {
        SessionFactoryImplementor factory = session.getSessionFactory().unwrap(SessionFactoryImplementor.class);
        EntityPersister persister = factory.getMappingMetamodel().getEntityDescriptor(RelayLease.class);
        List<BasicValuedModelPart> columns = List.of(basic(persister.getIdentifierMapping(), "name"),
                basic(persister.findAttributeMapping("holder"), "holder"),
                basic(persister.findAttributeMapping("expiresAt"), "expiresAt"));
        List<Object> values = List.of(lease.getName(), lease.getHolder(), lease.getExpiresAt());
        String sql = "insert into " + ((AbstractEntityPersister) persister).getIdentifierTableName() + " ("
                + columns.get(0).getSelectionExpression() + ", " + columns.get(1).getSelectionExpression() + ", "
                + columns.get(2).getSelectionExpression() + ") values (?, ?, ?)";
        return session.doReturningWork(connection -> {
            Savepoint savepoint = connection.setSavepoint();
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (int i = 0; i < columns.size(); i++) {
                    bind(insert, i + 1, columns.get(i).getJdbcMapping(), values.get(i), factory);
                }
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

    private static BasicValuedModelPart basic(ModelPart part, String name) {
        if (!(part instanceof BasicValuedModelPart basic)) {
            throw new IllegalStateException("ometria-sync: the relay lease attribute " + name + " is not mapped as a basic column");
        }
        return basic;
    }

    // JdbcMapping hands out a raw ValueBinder: the value is the attribute's own Java type
    @SuppressWarnings("unchecked")
    private static void bind(PreparedStatement insert, int index, JdbcMapping mapping, Object value,
            SessionFactoryImplementor factory) throws SQLException {
        mapping.getJdbcValueBinder().bind(insert, mapping.convertToRelationalValue(value), index, factory.getWrapperOptions());
    }

    /** SQLState class 23, integrity constraint violation: what every supported database reports for the key. */
    private static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
