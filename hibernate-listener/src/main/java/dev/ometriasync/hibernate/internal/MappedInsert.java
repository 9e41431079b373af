package dev.ometriasync.hibernate.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EntityIdentifierMapping;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.descriptor.WrapperOptions;

/**
 * A plain JDBC {@code insert} of one of ometria-sync's own entities, with the table name, column names and the binding
 * of each value taken from Hibernate's mapping of that entity: the row is exactly the one Hibernate would write (the
 * table qualified by {@code hibernate.default_schema}, an {@code Instant} bound as the dialect stores it), on a
 * connection and at a moment of the caller's choosing — in the business transaction without a child session
 * ({@link OutboxRowInsert}), or inside a savepoint that must not be logged when it fails ({@link LeaseRowInsert}).
 */
final class MappedInsert {

    private final String sql;
    private final List<JdbcMapping> bindings;

    private MappedInsert(String sql, List<JdbcMapping> bindings) {
        this.sql = sql;
        this.bindings = bindings;
    }

    /**
     * The insert of the given attributes, in that order.
     *
     * @param factory the SessionFactory that maps the entity
     * @param entity the entity class
     * @param attributes attribute names, the identifier's included when it is written; each must be a basic column
     * @return the insert
     */
    static MappedInsert of(SessionFactoryImplementor factory, Class<?> entity, List<String> attributes) {
        EntityPersister persister = factory.getMappingMetamodel().getEntityDescriptor(entity);
        EntityIdentifierMapping identifier = persister.getIdentifierMapping();
        List<JdbcMapping> bindings = new ArrayList<>(attributes.size());
        StringJoiner columns = new StringJoiner(", ", " (", ")");
        StringJoiner values = new StringJoiner(", ", " values (", ")");
        for (String name : attributes) {
            ModelPart part = name.equals(identifier.getAttributeName()) ? identifier : persister.findAttributeMapping(name);
            if (!(part instanceof BasicValuedModelPart basic)) {
                throw new IllegalStateException("ometria-sync: the attribute " + name + " of " + entity.getSimpleName()
                        + " is not mapped as a basic column");
            }
            bindings.add(basic.getJdbcMapping());
            columns.add(basic.getSelectionExpression());
            values.add("?");
        }
        // the persister renders the table name qualified by the configured catalog and schema
        String table = ((AbstractEntityPersister) persister).getIdentifierTableName();
        return new MappedInsert("insert into " + table + columns + values, List.copyOf(bindings));
    }

    /** @return the statement, one {@code ?} per attribute */
    String sql() {
        return sql;
    }

    /**
     * Binds one row's values, in the order of the attributes.
     *
     * @param statement the prepared {@link #sql()}
     * @param values one per attribute, each of its attribute's Java type
     * @param options Hibernate's binding options
     * @throws SQLException when the driver refuses a value
     */
    // JdbcMapping hands out a raw ValueBinder: each value is its attribute's own Java type
    @SuppressWarnings("unchecked")
    void bind(PreparedStatement statement, List<?> values, WrapperOptions options) throws SQLException {
        for (int i = 0; i < bindings.size(); i++) {
            JdbcMapping mapping = bindings.get(i);
            mapping.getJdbcValueBinder().bind(statement, mapping.convertToRelationalValue(values.get(i)), i + 1, options);
        }
    }
}
