package dev.ometriasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit 5 extension in an instance field: a fresh simulator for each test, closed after it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OmetriaSimulatorExtensionPerTestTest {

    @RegisterExtension
    final OmetriaSimulatorExtension ometria = OmetriaSimulatorExtension.configured(builder -> builder.https(false));

    private static OmetriaSimulator first;

    @Test
    @Order(1)
    void runsASimulatorForThisTest(OmetriaSimulator simulator) {
        assertThat(new PushClient(simulator).push(PushClient.orders("A", 1)).statusCode()).isEqualTo(200);
        assertThat(simulator.recordCount()).isEqualTo(1);
        first = simulator;
    }

    @Test
    @Order(2)
    void runsAnotherOneForTheNextTest(OmetriaSimulator simulator) {
        assertThat(simulator).isNotSameAs(first).isSameAs(ometria.simulator());
        assertThat(simulator.recordCount()).isZero();
    }
}
