package dev.ometriasync.spring.boot;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where ometria-sync sends and with which key. By default read from {@code ometria.api-key} and
 * {@code ometria.endpoint}; a bean of this type replaces them (the test support's simulator provides one).
 */
public interface OmetriaConnectionDetails extends ConnectionDetails {

    /**
     * The API key.
     *
     * @return the key, or null/blank when none is configured
     */
    String apiKey();

    /**
     * The API's base URL.
     *
     * @return the endpoint
     */
    String endpoint();
}
