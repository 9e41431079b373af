package dev.ometriasync.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.spring.boot.app.Member;
import dev.ometriasync.spring.boot.app.MemberRepository;
import dev.ometriasync.spring.boot.app.TestApplication;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/** With {@code ometria.enabled=false} the application runs, and code that calls the OmetriaSync bean still works. */
@SpringBootTest(classes = TestApplication.class, properties = {"ometria.enabled=false", "ometria.api-key=ignored"})
class SwitchedOffTest {

    @Autowired
    OmetriaSync sync;

    @Autowired
    MemberRepository members;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    @Qualifier("ometriaHealthIndicator")
    HealthIndicator health;

    @Test
    void theBeanIsADisabledHandleThatNeverFailsATransaction() {
        assertThat(sync.isEnabled()).isFalse();
        transactions.executeWithoutResult(status -> {
            members.save(new Member("off-1", "off@example.com", "Ada"));
            sync.touch(Member.class, "off-1");
        });
        assertThat(members.findById("off-1")).isPresent();
        assertThat(sync.pendingOutboxRows()).isZero();
        assertThat(sync.deadLetters().list(10)).isEmpty();
        assertThat(sync.flush(Duration.ofSeconds(1))).isTrue();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsEntry("enabled", false);
    }
}
