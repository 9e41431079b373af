package dev.ometriasync.hibernate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;

/**
 * What is checked once the SessionFactory is built, and the line that says what runs.
 */
final class StartupChecks {

    private StartupChecks() {
    }

    /**
     * Fails when an entity id cannot be stored as text, or when the outbox tables are missing (with the DDL
     * to create them in the message).
     *
     * @param runtime the runtime
     */
    static void verify(OmetriaSyncRuntime runtime) {
        SessionFactoryImplementor factory = runtime.sessionFactory();
        List<String> problems = new ArrayList<>();
        for (CapturedType type : runtime.catalog().types()) {
            EntityPersister persister = factory.getMappingMetamodel().getEntityDescriptor(type.entityName());
            if (!IdText.supports(persister)) {
                problems.add(type.entityName() + " has a composite id; ometria-sync supports single-column ids");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("ometria-sync cannot start:\n  - " + String.join("\n  - ", problems));
        }
        runtime.sink().verifyAtStartup(runtime);
    }

    /**
     * Fails with the DDL in the message when the outbox tables are missing or unreadable.
     *
     * @param factory the SessionFactory
     */
    static void verifyOutboxTables(SessionFactoryImplementor factory) {
        try (Session session = factory.openSession()) {
            session.beginTransaction();
            try {
                session.createSelectionQuery("select e.id from " + OutboxEntry.ENTITY_NAME + " e", Long.class).setMaxResults(1).getResultList();
                session.createSelectionQuery("select l.holder from " + RelayLease.ENTITY_NAME + " l", String.class).setMaxResults(1).getResultList();
            } finally {
                session.getTransaction().rollback();
            }
        } catch (RuntimeException e) {
            String vendor = ShippedDdl.vendorFor(factory.getJdbcServices().getDialect());
            String ddl = vendor == null
                    ? "No script ships for " + factory.getJdbcServices().getDialect().getClass().getSimpleName()
                            + "; adapt one of " + ShippedDdl.FLYWAY_LOCATION + "{vendor}/" + ShippedDdl.SCRIPT
                    : "Create them with (" + ShippedDdl.location(vendor) + " in ometria-sync-hibernate):\n\n" + ShippedDdl.read(vendor);
            throw new IllegalStateException("ometria-sync runs in outbox mode (ometria.mode=outbox) but the tables ometria_outbox and "
                    + "ometria_relay_lease are missing or unreadable (" + e.getMessage() + ").\n" + OutboxTablesCheck.MIGRATIONS + "\n" + ddl
                    + "\nor set ometria.mode=direct to run without a table (changes not yet sent are lost on a crash).", e);
        }
    }

    /**
     * The one log line saying what runs.
     *
     * @param runtime the runtime
     * @return the line
     */
    static String describe(OmetriaSyncRuntime runtime) {
        OmetriaConfig config = runtime.config();
        String types = runtime.catalog().types().stream()
                .map(t -> simpleName(t.entityName()) + " → " + t.recordType().jsonName()
                        + (t.collection() == null ? "" : "@" + t.collection()))
                .collect(Collectors.joining(", "));
        String mode = runtime.sink().describe();
        return "ometria-sync: capturing " + types + " in " + mode + ", sending to " + config.endpoint() + " at "
                + config.requestsPerSecond() + " requests/s";
    }

    private static String simpleName(String entityName) {
        int dot = entityName.lastIndexOf('.');
        return dot < 0 ? entityName : entityName.substring(dot + 1);
    }
}
