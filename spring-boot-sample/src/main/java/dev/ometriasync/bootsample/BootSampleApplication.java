package dev.ometriasync.bootsample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot shop synced to Ometria by {@code ometria-sync-spring-boot-starter}: Spring Data JPA on H2, Flyway
 * creating the schema, {@code ometria.*} in {@code application.properties}. {@link ShopTour} runs a few business
 * changes and shows what reached Ometria; the process exits with 0 when everything committed was delivered.
 */
@SpringBootApplication
public class BootSampleApplication {

    /**
     * Runs the tour and exits.
     *
     * @param args Spring Boot arguments ({@code --ometria.requests-per-second=8}, ...)
     */
    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(BootSampleApplication.class, args)));
    }
}
