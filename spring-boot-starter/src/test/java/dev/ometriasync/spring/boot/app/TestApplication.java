package dev.ometriasync.spring.boot.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the starter's tests run: Spring Data JPA with one synced entity. */
@SpringBootApplication
public class TestApplication {
}
