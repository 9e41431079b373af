package dev.ometriasync.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.spring.boot.app.Member;
import dev.ometriasync.spring.boot.app.MemberRepository;
import dev.ometriasync.spring.boot.app.TestApplication;
import dev.ometriasync.spring.boot.test.AutoConfigureOmetriaSimulator;
import dev.ometriasync.spring.boot.test.OmetriaTestSync;
import dev.ometriasync.testkit.OmetriaSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Day-2 operations over real HTTP in a full application: a record Ometria rejects leaves a dead outbox row that the
 * meters, the health indicator and the {@code ometria} endpoint show; the endpoint replays it (and the replayed record
 * reaches the simulator) and purges another.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureOmetriaSimulator
class OutboxOperationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    MemberRepository members;

    @Autowired
    OmetriaTestSync ometria;

    @Autowired
    OmetriaSimulator simulator;

    @Autowired
    OmetriaSync sync;

    @Autowired
    MeterRegistry registry;

    @LocalServerPort
    int port;

    @Test
    void rejectedRecordsAreListedReplayedAndPurgedThroughTheEndpoint() throws Exception {
        members.save(new Member("m-ok", "ok@example.com", "Ada"));
        ometria.awaitSynced();
        assertThat(simulator.contact("club", "m-ok")).isNotNull();

        simulator.rejectRequestsWithRecord(record -> record.path("email").asText().startsWith("bad"));
        members.save(new Member("m-bad-1", "bad1@example.com", "Bob"));
        members.save(new Member("m-bad-2", "bad2@example.com", "Cy"));
        Eventually.await("two dead rows", () -> sync.deadOutboxRows() == 2);

        // meters (the outbox gauges are read at most once a second)
        Eventually.await("dead gauge", () -> registry.get("ometria.outbox.dead").gauge().value() == 2);
        assertThat(registry.get("ometria.outbox.pending").gauge().value()).isZero();
        assertThat(registry.get("ometria.records.rejected").functionCounter().count()).isEqualTo(2);
        assertThat(registry.get("ometria.records.sent").functionCounter().count()).isGreaterThanOrEqualTo(1);
        assertThat(registry.get("ometria.relay.lease.held").gauge().value()).isEqualTo(1);
        assertThat(registry.get("ometria.auth.failed").gauge().value()).isZero();
        assertThat(registry.get("ometria.pipeline.requests").counters()).isNotEmpty();
        assertThat(registry.get("ometria.pipeline.rejected").counter().count()).isEqualTo(2);

        // health: up, with the dead rows in its details
        JsonNode health = get("/actuator/health/ometria");
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("details").path("dead").asLong()).isEqualTo(2);
        assertThat(health.path("details").path("pending").asLong()).isZero();
        assertThat(health.path("details").path("activeRelay").asBoolean()).isTrue();

        // the endpoint lists both, with their reasons
        JsonNode outbox = get("/actuator/ometria");
        assertThat(outbox.path("dead").asLong()).isEqualTo(2);
        List<String> entityIds = new ArrayList<>();
        long badOne = -1;
        long badTwo = -1;
        for (JsonNode row : outbox.path("deadLetters")) {
            entityIds.add(row.path("entityId").asText());
            assertThat(row.path("reason").asText()).contains("REJECTED").contains("simulated poison record");
            if (row.path("entityId").asText().equals("m-bad-1")) {
                badOne = row.path("id").asLong();
            } else {
                badTwo = row.path("id").asLong();
            }
        }
        assertThat(entityIds).containsExactlyInAnyOrder("m-bad-1", "m-bad-2");
        // the _errors poller is off by default: nothing listed, and no read beyond the pipeline's warm-up
        assertThat(outbox.path("pushErrors").isArray()).isTrue();
        assertThat(outbox.path("pushErrors")).isEmpty();
        assertThat(simulator.requests().stream().filter(r -> r.path().equals("/v2/push/_errors")).count()).isLessThanOrEqualTo(1);

        // replay one: it becomes pending and its current state reaches the simulator
        simulator.clearFaults();
        JsonNode replayed = send("POST", "/actuator/ometria", "{\"ids\":\"" + badOne + "\"}");
        assertThat(replayed.path("replayed").asInt()).isEqualTo(1);
        ometria.awaitSynced();
        assertThat(simulator.contact("club", "m-bad-1")).isNotNull();
        assertThat(simulator.contact("club", "m-bad-1").path("email").asText()).isEqualTo("bad1@example.com");
        assertThat(sync.deadOutboxRows()).isEqualTo(1);

        // purge the other: gone, never sent
        JsonNode purged = send("DELETE", "/actuator/ometria?ids=" + badTwo, null);
        assertThat(purged.path("purged").asInt()).isEqualTo(1);
        assertThat(sync.deadOutboxRows()).isZero();
        assertThat(simulator.contact("club", "m-bad-2")).isNull();
    }

    @Test
    void replayAndPurgeWithoutIdsTouchNothing() throws Exception {
        HttpResponse<String> response = http.send(request("POST", "/actuator/ometria", "{}"), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        response = http.send(request("DELETE", "/actuator/ometria", null), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
    }

    private JsonNode get(String path) throws Exception {
        return send("GET", path, null);
    }

    private JsonNode send(String method, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpRequest request(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
