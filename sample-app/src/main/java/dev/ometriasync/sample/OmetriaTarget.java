package dev.ometriasync.sample;

import dev.ometriasync.hibernate.OmetriaSettings;
import dev.ometriasync.runtime.OmetriaClient;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Where the sample sends records: an in-process {@link OmetriaSimulator} (the default), or a real Ometria
 * account when {@value #API_KEY_VARIABLE} is set in the environment. The API key is never part of
 * {@link #describe()} or {@link #toString()}.
 */
final class OmetriaTarget implements AutoCloseable {

    /** The environment variable holding a real account's API key. */
    static final String API_KEY_VARIABLE = "OMETRIA_API_KEY";
    /** The environment variable overriding the real account's endpoint. */
    static final String ENDPOINT_VARIABLE = "OMETRIA_ENDPOINT";

    private final URI endpoint;
    private final String apiKey;
    private final OmetriaSimulator simulator;

    private OmetriaTarget(URI endpoint, String apiKey, OmetriaSimulator simulator) {
        this.endpoint = endpoint;
        this.apiKey = apiKey;
        this.simulator = simulator;
    }

    /**
     * The target the environment asks for: a real account when {@value #API_KEY_VARIABLE} is set (and not
     * blank), else a simulator started now on a free loopback port.
     *
     * @param environment the process environment (or a test's stand-in)
     * @return the target; close it to stop the simulator
     */
    static OmetriaTarget fromEnvironment(Map<String, String> environment) {
        String key = environment.get(API_KEY_VARIABLE);
        if (key != null && !key.isBlank()) {
            String endpoint = environment.getOrDefault(ENDPOINT_VARIABLE, "");
            URI uri = URI.create(endpoint.isBlank() ? OmetriaSettings.ENDPOINT.defaultValue().toString() : endpoint.trim());
            return new OmetriaTarget(uri, key.trim(), null);
        }
        return simulated(OmetriaSimulator.builder().https(false).start());
    }

    /**
     * A target backed by a simulator the caller started (tests use it to choose the simulator's settings).
     *
     * @param simulator a running simulator; closed with this target
     * @return the target
     */
    static OmetriaTarget simulated(OmetriaSimulator simulator) {
        Objects.requireNonNull(simulator, "simulator");
        return new OmetriaTarget(simulator.baseUri(), simulator.apiKey(), simulator);
    }

    /** @return true when records go to the in-process simulator */
    boolean isSimulated() {
        return simulator != null;
    }

    /** @return the simulator; only when {@link #isSimulated()} */
    OmetriaSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("a real Ometria account has no simulator state to read");
        }
        return simulator;
    }

    /** @return the base URL the integration posts to */
    URI endpoint() {
        return endpoint;
    }

    /** @return the Hibernate properties that point the integration at this target */
    Map<String, String> ometriaSettings() {
        return Map.of(OmetriaSettings.API_KEY.key(), apiKey, OmetriaSettings.ENDPOINT.key(), endpoint.toString());
    }

    /** @return a client for the target's account, for what the integration does not do (reading {@code _errors}) */
    OmetriaClient newClient() {
        return OmetriaClient.builder().apiKey(apiKey).endpoint(endpoint).build();
    }

    /** @return one line for the console saying where records go, without the key */
    String describe() {
        if (isSimulated()) {
            return "Ometria: in-process OmetriaSimulator at " + endpoint
                    + " (set " + API_KEY_VARIABLE + " to use a real account)";
        }
        return "Ometria: REAL ACCOUNT at " + endpoint + " (API key from " + API_KEY_VARIABLE
                + ", not shown). Records are really sent.";
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Override
    public String toString() {
        return isSimulated() ? "simulator " + endpoint : "Ometria account " + endpoint;
    }
}
