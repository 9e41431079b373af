package dev.ometriasync.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.spring.boot.app.Member;
import dev.ometriasync.spring.boot.app.MemberRepository;
import dev.ometriasync.spring.boot.app.TestApplication;
import dev.ometriasync.spring.boot.test.AutoConfigureOmetriaSimulator;
import dev.ometriasync.testkit.OmetriaSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The health indicator and the meters in the two situations an operator must see: a refused key and a growing outbox. */
class HealthAndMetersTest {

    /** Ometria answers 401: health DOWN, the auth meter set, and the outbox grows with every change. */
    @Nested
    @SpringBootTest(classes = TestApplication.class)
    class RefusedKey {

        static final OmetriaSimulator SIMULATOR = OmetriaSimulator.builder().https(false).start();

        @DynamicPropertySource
        static void ometria(DynamicPropertyRegistry registry) {
            registry.add("ometria.api-key", () -> "not-the-key");
            registry.add("ometria.endpoint", () -> SIMULATOR.baseUri().toString());
        }

        @AfterAll
        static void close() {
            SIMULATOR.close();
        }

        @Autowired
        MemberRepository members;

        @Autowired
        OmetriaSync sync;

        @Autowired
        MeterRegistry registry;

        @Autowired
        @Qualifier("ometriaHealthIndicator")
        HealthIndicator health;

        @Test
        void healthIsDownAndThePendingRowsGrow() {
            members.save(new Member("k-1", "k1@example.com", "Ada"));
            Eventually.await("the 401", () -> health.health().getStatus().equals(Status.DOWN));
            Health down = health.health();
            assertThat(down.getDetails().get("authFailure").toString()).startsWith("401");
            assertThat(SIMULATOR.recordCount()).isZero();

            members.save(new Member("k-2", "k2@example.com", "Bob"));
            assertThat(sync.pendingOutboxRows()).isEqualTo(2);
            Eventually.await("pending gauge", () -> registry.get("ometria.outbox.pending").gauge().value() == 2);
            assertThat(registry.get("ometria.auth.failed").gauge().value()).isEqualTo(1);
            assertThat(health.health().getDetails()).containsEntry("pending", 2L);
        }
    }

    /** No relay on this instance: rows wait, and past ometria.health.max-pending-age the health is OUT_OF_SERVICE. */
    @Nested
    @SpringBootTest(classes = TestApplication.class, properties = {"ometria.relay.enabled=false",
            "ometria.health.max-pending-age=1s"})
    @AutoConfigureOmetriaSimulator
    class StaleOutbox {

        @Autowired
        MemberRepository members;

        @Autowired
        MeterRegistry registry;

        @Autowired
        @Qualifier("ometriaHealthIndicator")
        HealthIndicator health;

        @Test
        void anOutboxOlderThanTheThresholdIsOutOfService() {
            members.save(new Member("s-1", "s1@example.com", "Ada"));
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            Eventually.await("stale", () -> health.health().getStatus().equals(Status.OUT_OF_SERVICE));
            assertThat(health.health().getDetails().get("outbox").toString()).contains("ometria.health.max-pending-age=PT1S");

            members.save(new Member("s-2", "s2@example.com", "Bob"));
            Eventually.await("pending gauge", () -> registry.get("ometria.outbox.pending").gauge().value() == 2);
            assertThat(registry.get("ometria.outbox.oldest.pending.age").timeGauge().value(TimeUnit.MILLISECONDS))
                    .isGreaterThanOrEqualTo(1000);
        }
    }
}
