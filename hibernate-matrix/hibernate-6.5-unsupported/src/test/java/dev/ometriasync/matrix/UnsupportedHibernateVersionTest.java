package dev.ometriasync.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ometriasync.hibernate.OmetriaSync;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.hibernate.SessionFactory;
import org.hibernate.Version;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.Test;

/**
 * The published integration jar on a Hibernate ORM it does not support (6.5): the SessionFactory build fails with
 * one clear message when {@code ometria.enabled=true}; otherwise the integration switches itself off with a WARN
 * line and the application's writes work as if ometria-sync were absent. Nothing is deferred to a transaction.
 */
class UnsupportedHibernateVersionTest {

    private static final String RUNNING = "6.5.3.Final";

    private static Configuration configuration(String database) {
        return new Configuration()
                .addAnnotatedClass(Shopper.class)
                .setProperty("hibernate.connection.url", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1")
                .setProperty("hibernate.connection.username", "sa")
                .setProperty("hibernate.hbm2ddl.auto", "create-drop")
                .setProperty("ometria.api-key", "test-key")
                .setProperty("ometria.endpoint", "http://127.0.0.1:9");
    }

    @Test
    void runsOnTheUnsupportedVersion() {
        assertThat(Version.getVersionString()).isEqualTo(RUNNING);
    }

    @Test
    void explicitlyEnabledFailsTheSessionFactoryBuildWithOneClearMessage() {
        Configuration configuration = configuration("explicit").setProperty("ometria.enabled", "true");

        assertThatThrownBy(configuration::buildSessionFactory)
                .hasStackTraceContaining("ometria-sync cannot run on Hibernate ORM " + RUNNING + ": this version is not supported."
                        + " It supports Hibernate ORM 6.6.x, 7.1.x, 7.2.x, 7.3.x and 7.4.x (Spring Boot 3.5, 4.0 and 4.1 bring"
                        + " these). Use a supported Hibernate ORM version, or set ometria.enabled=false to start without"
                        + " ometria-sync.")
                .satisfies(thrown -> assertThat(thrown).isNotInstanceOf(LinkageError.class));
    }

    @Test
    void otherwiseTheIntegrationSwitchesItselfOffWithAWarningAndWritesWork() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        SessionFactory factory;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            factory = configuration("implicit").buildSessionFactory();
        } finally {
            System.setErr(originalErr);
        }
        try (factory) {
            assertThat(log.toString(StandardCharsets.UTF_8))
                    .contains("WARN")
                    .contains("ometria-sync cannot run on Hibernate ORM " + RUNNING)
                    .contains("ometria-sync is switched OFF for this SessionFactory: nothing will be sent to Ometria");

            factory.inTransaction(session -> session.persist(new Shopper(1L, "ada@example.com")));
            Shopper stored = factory.fromTransaction(session -> session.find(Shopper.class, 1L));
            assertThat(stored).isNotNull();
            assertThatThrownBy(() -> OmetriaSync.of(factory)).isInstanceOf(IllegalStateException.class);
        }
    }
}
