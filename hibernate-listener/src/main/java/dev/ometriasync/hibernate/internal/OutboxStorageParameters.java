package dev.ometriasync.hibernate.internal;

import java.util.List;
import java.util.Locale;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.QualifiedTableName;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.mapping.PersistentClass;

/**
 * The outbox table's storage parameters on PostgreSQL, for applications whose schema Hibernate creates
 * ({@code hibernate.hbm2ddl.auto}): the same {@code alter table} statements as the shipped Flyway migration, which stays
 * their one source (see {@link ShippedDdl}). They leave room on each page for the relay's updates of a row, which
 * PostgreSQL then writes as heap-only tuples instead of new entries in every index of the table.
 *
 * <p>The table is named as Hibernate named it (the physical naming strategy and the default schema apply), looked up
 * when the DDL is generated, once the mapping is complete.
 */
final class OutboxStorageParameters implements AuxiliaryDatabaseObject {

    private static final long serialVersionUID = 1L;
    private static final String TABLE = OutboxEntry.TABLE;

    private final transient InFlightMetadataCollector metadata;

    OutboxStorageParameters(InFlightMetadataCollector metadata) {
        this.metadata = metadata;
    }

    @Override
    public String getExportIdentifier() {
        return "ometria-sync: " + TABLE + " storage parameters";
    }

    @Override
    public boolean appliesToDialect(Dialect dialect) {
        return dialect instanceof PostgreSQLDialect;
    }

    @Override
    public boolean beforeTablesOnCreation() {
        return false;
    }

    @Override
    public String[] sqlCreateStrings(SqlStringGenerationContext context) {
        PersistentClass outbox = metadata == null ? null : metadata.getEntityBinding(OutboxEntry.class.getName());
        if (outbox == null) {
            return new String[0];
        }
        QualifiedTableName name = outbox.getTable().getQualifiedTableName();
        // the defaults spelled out: SqlStringGenerationContext.withDefaults came with 7.0
        String table = context.format(new QualifiedTableName(context.catalogWithDefault(name.getCatalogName()),
                context.schemaWithDefault(name.getSchemaName()), name.getTableName()));
        return statements().stream().map(statement -> statement.replace(TABLE, table)).toArray(String[]::new);
    }

    @Override
    public String[] sqlDropStrings(SqlStringGenerationContext context) {
        return new String[0]; // dropped with the table
    }

    /** @return the shipped PostgreSQL migration's {@code alter table ometria_outbox set (…)} statements */
    static List<String> statements() {
        return ShippedDdl.statementsOn(ShippedDdl.read("postgresql"), TABLE).stream()
                .filter(statement -> statement.toLowerCase(Locale.ROOT).startsWith("alter table " + TABLE + " set ("))
                .toList();
    }
}
