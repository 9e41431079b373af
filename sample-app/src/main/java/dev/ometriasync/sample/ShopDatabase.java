package dev.ometriasync.sample;

import dev.ometriasync.hibernate.OmetriaSettings;
import dev.ometriasync.sample.shop.Customer;
import dev.ometriasync.sample.shop.OrderLine;
import dev.ometriasync.sample.shop.Product;
import dev.ometriasync.sample.shop.PurchaseOrder;
import dev.ometriasync.sample.shop.WishlistEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * The shop's database: an H2 in-memory database that lives as long as the JVM. It is opened twice, as an
 * application adopting ometria-sync would see it: first without the integration (the shop as it was, which
 * fills it with historic data), then with it.
 */
final class ShopDatabase {

    /** The shop's entity classes. */
    static final List<Class<?>> ENTITIES = List.of(
            Product.class, Customer.class, PurchaseOrder.class, OrderLine.class, WishlistEvent.class);

    private final String jdbcUrl;

    private ShopDatabase(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** @return a new, empty in-memory database with a unique name */
    static ShopDatabase inMemory() {
        return new ShopDatabase("jdbc:h2:mem:sample-shop-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /**
     * Opens the database without ometria-sync and creates the shop's tables.
     *
     * @return a SessionFactory that sends nothing to Ometria
     */
    SessionFactory openWithoutSync() {
        Configuration configuration = configuration();
        configuration.setProperty(OmetriaSettings.ENABLED.key(), "false");
        configuration.setProperty("hibernate.hbm2ddl.auto", "create");
        return configuration.buildSessionFactory();
    }

    /**
     * Opens the existing database without ometria-sync and without touching the schema (tests read it after
     * a run).
     *
     * @return a SessionFactory that sends nothing to Ometria
     */
    SessionFactory openExistingWithoutSync() {
        Configuration configuration = configuration();
        configuration.setProperty(OmetriaSettings.ENABLED.key(), "false");
        configuration.setProperty("hibernate.hbm2ddl.auto", "none");
        return configuration.buildSessionFactory();
    }

    /** @return the JDBC URL (user {@code sa}, no password) */
    String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * Opens the database with ometria-sync running in its default (outbox) mode. The schema update adds the
     * {@code ometria_outbox} table the integration needs; a real application ships its DDL in a migration.
     *
     * @param target where records go
     * @return a SessionFactory whose committed changes are sent to Ometria
     */
    SessionFactory openWithSync(OmetriaTarget target) {
        Configuration configuration = configuration();
        target.ometriaSettings().forEach(configuration::setProperty);
        configuration.setProperty("hibernate.hbm2ddl.auto", "update");
        return configuration.buildSessionFactory();
    }

    private Configuration configuration() {
        Configuration configuration = new Configuration();
        ENTITIES.forEach(configuration::addAnnotatedClass);
        Map.of("hibernate.connection.url", jdbcUrl,
                "hibernate.connection.username", "sa",
                "hibernate.connection.password", "",
                "hibernate.connection.pool_size", "4",
                "hibernate.jdbc.batch_size", "50",
                "hibernate.default_batch_fetch_size", "50",
                "hibernate.order_inserts", "true")
                .forEach(configuration::setProperty);
        return configuration;
    }
}
