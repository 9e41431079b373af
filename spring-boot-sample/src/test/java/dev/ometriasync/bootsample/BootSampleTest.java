package dev.ometriasync.bootsample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.bootsample.shop.CustomerRepository;
import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.testkit.OmetriaSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The sample as its README command runs it (no OMETRIA_API_KEY: the simulator): the tour ran at start-up, Ometria
 * holds what the database holds, nothing rolled back was sent, and no e-mail address was printed unmasked.
 */
@SpringBootTest(properties = "ometria.api-key=")
@ExtendWith(OutputCaptureExtension.class)
class BootSampleTest {

    @Autowired
    OmetriaSimulator simulator;

    @Autowired
    OmetriaSync ometria;

    @Autowired
    CustomerRepository customers;

    @Autowired
    ShopTour tour;

    @Test
    void theTourReachesOmetriaAndTheDatabaseAndOmetriaAgree(CapturedOutput output) {
        assertThat(tour.getExitCode()).isZero();
        var ada = customers.findAll().get(0);
        var contact = simulator.contact("boot-sample", ada.getId().toString());
        assertThat(contact.path("email").asText()).isEqualTo(ada.getEmail()).isEqualTo("ada@lovelace.example");
        assertThat(contact.path("firstname").asText()).isEqualTo("Ada");
        assertThat(simulator.record("product", "TEE-01").path("price").decimalValue()).isEqualByComparingTo("29.00");
        // the rolled-back 19.00 never left the application
        assertThat(simulator.pushRequests()).filteredOn(request -> request.types().contains("product")).isNotEmpty()
                .noneMatch(request -> request.body().replace(" ", "").contains("\"price\":19"));
        assertThat(ometria.pendingOutboxRows()).isZero();
        assertThat(output).contains("- Ada's e-mail changed -> Ometria holds").contains("a***@example.com")
                .contains("a***@lovelace.example").doesNotContain("ada@lovelace.example").doesNotContain("ada@example.com");
    }
}
