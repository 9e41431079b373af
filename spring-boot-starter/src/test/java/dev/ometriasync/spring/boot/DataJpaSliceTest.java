package dev.ometriasync.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.spring.boot.app.Member;
import dev.ometriasync.spring.boot.app.MemberRepository;
import dev.ometriasync.spring.boot.app.TestApplication;
import dev.ometriasync.spring.boot.test.AutoConfigureOmetriaSimulator;
import dev.ometriasync.spring.boot.test.OmetriaTestSync;
import dev.ometriasync.testkit.OmetriaSimulator;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.transaction.TestTransaction;

/** {@code @DataJpaTest} slices run ometria-sync only when asked with {@code @AutoConfigureOmetriaSimulator}. */
class DataJpaSliceTest {

    /** A key in the properties is not enough: the slice starts no integration and no relay. */
    @Nested
    @DataJpaTest(properties = "ometria.api-key=some-key")
    @ContextConfiguration(classes = TestApplication.class)
    class PlainSlice {

        @Autowired
        EntityManagerFactory entityManagerFactory;

        @Autowired
        MemberRepository members;

        @Test
        void noIntegrationRuns() {
            members.save(new Member("slice-1", "slice@example.com", "Ada"));
            assertThat(OmetriaSync.ofOrDisabled(entityManagerFactory).isEnabled()).isFalse();
        }
    }

    /** Asked for: the slice runs the integration against the simulator. */
    @Nested
    @DataJpaTest
    @ContextConfiguration(classes = TestApplication.class)
    @AutoConfigureOmetriaSimulator
    class SliceWithSimulator {

        @Autowired
        MemberRepository members;

        @Autowired
        OmetriaSync sync;

        @Autowired
        OmetriaTestSync ometria;

        @Autowired
        OmetriaSimulator simulator;

        @Test
        void committedChangesReachTheSimulator() {
            assertThat(sync.isEnabled()).isTrue();
            members.save(new Member("slice-2", "slice2@example.com", "Bob"));
            TestTransaction.flagForCommit(); // @DataJpaTest rolls back by default, and a rolled-back change is never sent
            TestTransaction.end();
            ometria.awaitSynced();
            assertThat(simulator.contact("club", "slice-2").path("email").asText()).isEqualTo("slice2@example.com");
        }
    }
}
