package dev.ometriasync.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.it.events.NewsletterSignup;
import dev.ometriasync.it.shop.Customer;
import dev.ometriasync.it.shop.PurchaseOrder;
import dev.ometriasync.runtime.OmetriaSerializers;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * This module's tests run twice: against javac's classes and against ECJ's (see the pom). This checks that the
 * entities and their generated serializers under test really come from the build the run is meant to test, so
 * that the ECJ run cannot pass by testing javac's output.
 */
class CompilerUnderTestTest {

    @Test
    void entitiesAndSerializersComeFromTheCompilerUnderTest() throws URISyntaxException {
        Path expected = Path.of(System.getProperty("ometria.expected-classes")).toAbsolutePath().normalize();
        Customer customer = new Customer();
        NewsletterSignup signup = new NewsletterSignup();
        for (Class<?> type : new Class<?>[] {Customer.class, PurchaseOrder.class, NewsletterSignup.class,
                OmetriaSerializers.of(customer).getClass(), OmetriaSerializers.of(signup).getClass()}) {
            Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            assertThat(location.toAbsolutePath().normalize()).as(type.getName()).isEqualTo(expected);
        }
    }
}
