package dev.ometriasync.benchmarks.support;

import dev.ometriasync.benchmarks.model.BenchContact;
import dev.ometriasync.benchmarks.model.BenchLineItem;
import dev.ometriasync.benchmarks.model.BenchOrder;
import dev.ometriasync.hibernate.OmetriaSettings;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/** Builds Hibernate SessionFactories over the benchmark entities, with or without ometria-sync. */
public final class BenchSessionFactories {

    /** The JDBC connection pool behind the SessionFactories this class builds. */
    public enum Pool {
        /**
         * Hibernate's built-in pool (the harnesses' default). It hands connections out in turn: once a second thread
         * (ometria-sync's reader or relay) has used one, the committing thread alternates between two connections,
         * and so between two PostgreSQL server processes, each with its own caches.
         */
        BUILTIN,
        /**
         * HikariCP, as Spring Boot configures it by default: a thread gets back the connection it used last, so the
         * committing thread keeps its connection and its server process.
         */
        HIKARI;

        /**
         * @param name {@code builtin} or {@code hikari}
         * @return the pool
         */
        public static Pool parse(String name) {
            return Pool.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }

    private static Pool pool = Pool.BUILTIN;

    private BenchSessionFactories() {
    }

    /**
     * Chooses the connection pool of the SessionFactories built from now on.
     *
     * @param chosen the pool
     */
    public static synchronized void pool(Pool chosen) {
        pool = chosen;
    }

    /**
     * Settings that turn the integration on and point it at a simulator; everything else at its default.
     *
     * @param simulator where records go
     * @param mode {@code direct} or {@code outbox}
     * @return ometria-sync settings
     */
    public static Map<String, String> ometria(OmetriaSimulator simulator, String mode) {
        Map<String, String> settings = new HashMap<>();
        settings.put(OmetriaSettings.API_KEY.key(), simulator.apiKey());
        settings.put(OmetriaSettings.ENDPOINT.key(), simulator.baseUri().toString());
        settings.put(OmetriaSettings.MODE.key(), mode);
        settings.put(OmetriaSettings.SHUTDOWN_TIMEOUT.key(), "2s");
        return settings;
    }

    /**
     * @param jdbc connection settings from {@link BenchDatabase#createEmpty()}
     * @param ometria ometria-sync settings; empty leaves the integration off
     * @return a SessionFactory that created its schema
     */
    public static SessionFactory build(Map<String, String> jdbc, Map<String, String> ometria) {
        Configuration configuration = new Configuration()
                .addAnnotatedClass(BenchContact.class)
                .addAnnotatedClass(BenchOrder.class)
                .addAnnotatedClass(BenchLineItem.class);
        jdbc.forEach(configuration::setProperty);
        ometria.forEach(configuration::setProperty);
        configuration.setProperty("hibernate.hbm2ddl.auto", "create");
        if (currentPool() == Pool.HIKARI) {
            configuration.setProperty("hibernate.connection.provider_class", "org.hibernate.hikaricp.internal.HikariCPConnectionProvider");
            configuration.setProperty("hibernate.hikari.maximumPoolSize", "8");
            configuration.setProperty("hibernate.hikari.minimumIdle", "2");
        } else {
            configuration.setProperty("hibernate.connection.pool_size", "8");
        }
        configuration.setProperty("hibernate.jdbc.batch_size", "50");
        configuration.setProperty("hibernate.order_inserts", "true");
        return configuration.buildSessionFactory();
    }

    private static synchronized Pool currentPool() {
        return pool;
    }
}
