package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.Eventually;
import dev.ometriasync.hibernate.fixtures.SkuProduct;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.math.BigDecimal;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When the attribute mapped to Ometria's {@code id} changes (a product keyed by SKU), Ometria gets the whole
 * record under the new id, and the old id gets the type's delete policy — in both modes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdChangeTest {

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().requestsPerSecond(50).start();

    @AfterAll
    void close() {
        ometria.close();
    }

    @ParameterizedTest
    @CsvSource({"H2, outbox, 1", "POSTGRESQL, outbox, 2", "H2, direct, 3"})
    void aNewOmetriaIdSendsTheFullRecordAndRetiresTheOldOne(Database database, String mode, long id) {
        Map<String, String> settings = TestFactories.ometriaSettings(ometria);
        settings.put(OmetriaSettings.REQUESTS_PER_SECOND.key(), "40");
        settings.put(OmetriaSettings.MODE.key(), mode);
        String oldSku = "SKU-" + mode + "-" + id;
        String newSku = oldSku + "-NEW";
        try (SessionFactory factory = TestFactories.build(database.createEmpty(), settings, "create-drop", SkuProduct.class)) {
            factory.inTransaction(s -> s.persist(new SkuProduct(id, oldSku, "Teapot", new BigDecimal("19.90"))));
            Eventually.await("the product under its first SKU", () -> ometria.record("product", oldSku) != null);

            factory.inTransaction(s -> s.find(SkuProduct.class, id).setSku(newSku));

            Eventually.await("the product under its new SKU", () -> ometria.record("product", newSku) != null);
            ObjectNode renamed = ometria.record("product", newSku);
            assertThat(renamed.get("title").asText()).isEqualTo("Teapot");
            assertThat(renamed.get("price").decimalValue()).isEqualByComparingTo("19.90");
            Eventually.await("the old SKU deactivated", () -> ometria.record("product", oldSku).has("is_active"));
            assertThat(ometria.record("product", oldSku).get("is_active").asBoolean()).isFalse();
            assertThat(renamed.has("is_active")).isFalse();
        }
    }
}
