package dev.ometriasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit 5 extension in a static field: one simulator for the class, reset after each test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OmetriaSimulatorExtensionTest {

    @RegisterExtension
    static final OmetriaSimulatorExtension OMETRIA = OmetriaSimulatorExtension.configured(
            builder -> builder.https(false).apiKey("extension-key").requestsPerSecond(2));

    private static int firstPort;

    @Test
    @Order(1)
    void injectsTheConfiguredSimulator(OmetriaSimulator simulator) {
        assertThat(simulator).isSameAs(OMETRIA.simulator());
        assertThat(simulator.apiKey()).isEqualTo("extension-key");
        assertThat(new PushClient(simulator).push(PushClient.orders("E", 2)).statusCode()).isEqualTo(200);
        new PushClient(simulator).push(PushClient.orders("F", 1));
        assertThat(simulator.recordCount()).isEqualTo(3);
        firstPort = simulator.port();
    }

    @Test
    @Order(2)
    void startsTheNextTestFromAResetSimulatorOnTheSamePort(OmetriaSimulator simulator) {
        assertThat(simulator.port()).isEqualTo(firstPort);
        assertThat(simulator.recordCount()).isZero();
        assertThat(simulator.requestCount()).isZero();
        // Two requests fit again although the last test used the whole window a moment ago (real clock):
        // reset() forgot the rate history.
        assertThat(new PushClient(simulator).push(PushClient.orders("G", 1)).statusCode()).isEqualTo(200);
        assertThat(new PushClient(simulator).push(PushClient.orders("H", 1)).statusCode()).isEqualTo(200);
    }
}
