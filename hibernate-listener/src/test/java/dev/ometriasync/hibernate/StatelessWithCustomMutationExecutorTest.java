package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.fixtures.ApplicationMutationExecutor;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.SkuProduct;
import dev.ometriasync.hibernate.fixtures.Stderr;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.math.BigDecimal;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.engine.jdbc.mutation.internal.MutationExecutorServiceInitiator;
import org.hibernate.engine.jdbc.mutation.spi.MutationExecutorService;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

/**
 * An application that names its own mutation executor service ({@code hibernate.jdbc.mutation.executor}) keeps it:
 * ometria-sync does not wrap a custom service (it may depend on callbacks a decorator would hide), says once at
 * start-up, as a WARN naming the setting and what to do, that stateless writes then cannot be tied to their
 * transaction, and captures ordinary (stateful) changes as always.
 */
class StatelessWithCustomMutationExecutorTest {

    @Test
    void aCustomMutationExecutorIsLeftAloneAndTheStartWarnsOnce() {
        try (OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).start(); Stderr stderr = Stderr.capture()) {
            Map<String, String> settings = TestFactories.ometriaSettings(ometria);
            settings.put(MutationExecutorServiceInitiator.EXECUTOR_KEY, ApplicationMutationExecutor.class.getName());
            try (SessionFactory factory = TestFactories.build(Database.H2.createEmpty(), settings, "create-drop", SkuProduct.class)) {
                MutationExecutorService service = factory.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                        .getService(MutationExecutorService.class);
                assertThat(service).as("the application's own service, not wrapped").isExactlyInstanceOf(ApplicationMutationExecutor.class);
                assertThat(stderr.lines("cannot tie StatelessSession changes")).singleElement().asString()
                        .contains("WARN")
                        .contains(MutationExecutorServiceInitiator.EXECUTOR_KEY)
                        .contains("OmetriaSync.touch");

                factory.inTransaction(s -> s.persist(new SkuProduct(9_001L, "SKU-9001", "Lamp", new BigDecimal("12.50"))));
                Eventually.await("the stateful change sent", () -> ometria.record("product", "SKU-9001") != null);
                assertThat(ometria.record("product", "SKU-9001").path("title").asText()).isEqualTo("Lamp");
            }
        }
    }
}
