package dev.ometriasync.bootcheck;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small Spring Boot shop (Spring Data JPA on H2) whose entities are synced to Ometria by ometria-sync, set up
 * only as the README tells a user: the processor in {@code annotationProcessorPaths}, {@code ometria-sync-hibernate}
 * on the class path, {@code spring.jpa.properties.ometria.*} in {@code application.properties}, and the outbox
 * tables created from the DDL shipped in the jar.
 */
@SpringBootApplication
public class ShopApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
