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

    private BenchSessionFactories() {
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
        configuration.setProperty("hibernate.connection.pool_size", "8");
        configuration.setProperty("hibernate.jdbc.batch_size", "50");
        configuration.setProperty("hibernate.order_inserts", "true");
        return configuration.buildSessionFactory();
    }
}
