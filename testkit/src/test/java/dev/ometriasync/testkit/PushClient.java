package dev.ometriasync.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A bare JDK HTTP client for the simulator's tests: no code of ometria-sync's own client. */
final class PushClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private final String apiKey;

    PushClient(OmetriaSimulator simulator) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), simulator.baseUri(),
                simulator.apiKey());
    }

    PushClient(HttpClient http, URI base, String apiKey) {
        this.http = http;
        this.base = base;
        this.apiKey = apiKey;
    }

    HttpResponse<String> push(String body) {
        return send(pushRequest(body).header("X-Ometria-Auth", apiKey).build());
    }

    HttpRequest.Builder pushRequest(String body) {
        return HttpRequest.newBuilder(base.resolve("/v2/push"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    HttpResponse<String> errors() {
        return send(HttpRequest.newBuilder(base.resolve("/v2/push/_errors"))
                .timeout(Duration.ofSeconds(20))
                .header("X-Ometria-Auth", apiKey).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return sendOrThrow(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> sendOrThrow(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    /** @return a JSON array holding {@code count} minimal orders with ids {@code prefix + i} */
    static String orders(String prefix, int count) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append("{\"@type\":\"order\",\"id\":\"").append(prefix).append(i).append("\",\"status\":\"pending\"}");
        }
        return body.append(']').toString();
    }
}
