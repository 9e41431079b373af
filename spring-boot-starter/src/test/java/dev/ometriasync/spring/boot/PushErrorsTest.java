package dev.ometriasync.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.runtime.OmetriaListener;
import dev.ometriasync.runtime.PushErrorReport;
import dev.ometriasync.schema.RecordType;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * The {@code GET /v2/push/_errors} poller in a full application, over real HTTP with the simulator: with
 * {@code ometria.push-errors.poll-interval} set, a record Ometria acknowledged and refused later shows up, with its
 * record type and id, through the application's {@link OmetriaListener} bean, the meter
 * {@code ometria.pipeline.push.errors}, the {@code ometria} Actuator endpoint and {@link OmetriaSync#pushErrors()}.
 * The meter of reads ({@code ometria.pipeline.push.errors.reads}) shows the poller at work. (Off by default:
 * {@code OutboxOperationsTest} checks that nothing but the warm-up reads the list there.)
 */
@SpringBootTest(classes = {TestApplication.class, PushErrorsTest.Listener.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ometria.push-errors.poll-interval=1s")
@AutoConfigureOmetriaSimulator
class PushErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestConfiguration(proxyBeanMethods = false)
    static class Listener {
        static final List<PushErrorReport> REPORTED = new CopyOnWriteArrayList<>();

        @Bean
        OmetriaListener collectingListener() {
            return new OmetriaListener() {
                @Override
                public void pushErrorListed(PushErrorReport report) {
                    REPORTED.add(report);
                }
            };
        }
    }

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
    void aRecordOmetriaRefusesLaterReachesTheListenerTheMeterAndTheEndpointWithItsTypeAndId() throws Exception {
        simulator.refuseLaterRecords(record -> record.path("id").asText().equals("m-refused"), "root > firstname");
        members.save(new Member("m-refused", "refused@example.com", "Zed"));
        ometria.awaitSynced();
        // acknowledged, so the outbox row is gone and nothing is dead: only _errors tells
        assertThat(sync.pendingOutboxRows()).isZero();
        assertThat(sync.deadOutboxRows()).isZero();
        assertThat(simulator.contact("club", "m-refused")).isNull();

        Eventually.await("the refusal reported", () -> !Listener.REPORTED.isEmpty());

        PushErrorReport report = Listener.REPORTED.get(0);
        assertThat(report.recordType()).isEqualTo(RecordType.CONTACT);
        assertThat(report.recordId()).isEqualTo("m-refused");
        assertThat(report.record().collection()).isEqualTo("club");
        assertThat(report.error().errorPath()).isEqualTo("root > firstname");
        assertThat(report.error().errorMessage()).isEqualTo("not a valid value");
        assertThat(sync.pushErrors()).containsExactly(report);
        assertThat(registry.get("ometria.pipeline.push.errors").tag("type", "contact").counter().count()).isEqualTo(1);
        assertThat(registry.get("ometria.pipeline.push.errors.reads").tag("result", "ok").counter().count()).isPositive();

        JsonNode outbox = get("/actuator/ometria");
        assertThat(outbox.path("pushErrors")).hasSize(1);
        JsonNode listed = outbox.path("pushErrors").get(0);
        assertThat(listed.path("recordType").asText()).isEqualTo("contact");
        assertThat(listed.path("recordId").asText()).isEqualTo("m-refused");
        assertThat(listed.path("collection").asText()).isEqualTo("club");
        assertThat(listed.path("errorPath").asText()).isEqualTo("root > firstname");
        assertThat(listed.path("errorMessage").asText()).isEqualTo("not a valid value");
        assertThat(listed.path("candidates").get(0).asText()).isEqualTo("m-refused");
        assertThat(listed.path("listedAt").asText()).isNotBlank();
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
