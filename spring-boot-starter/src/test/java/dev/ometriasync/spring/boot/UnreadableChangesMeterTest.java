package dev.ometriasync.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.spring.boot.test.AutoConfigureOmetriaSimulator;
import dev.ometriasync.spring.boot.unreadable.FussyMember;
import dev.ometriasync.spring.boot.unreadable.FussyMemberRepository;
import dev.ometriasync.spring.boot.unreadable.UnreadableApplication;
import dev.ometriasync.testkit.OmetriaSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Direct mode in a Boot application: a committed change whose entity cannot be read back (its converter refuses the
 * stored value) is read again with backoff, then given up and counted in the meter {@code ometria.changes.unreadable}
 * (and {@link OmetriaSync#unreadableChanges()}); the healthy change committed beside it is sent.
 */
@SpringBootTest(classes = UnreadableApplication.class, properties = "ometria.mode=direct")
@AutoConfigureOmetriaSimulator
class UnreadableChangesMeterTest {

    @Autowired
    FussyMemberRepository members;

    @Autowired
    OmetriaSimulator simulator;

    @Autowired
    OmetriaSync sync;

    @Autowired
    MeterRegistry registry;

    @Test
    void aChangeWhoseEntityCannotBeReadIsGivenUpAndCountedInTheMeter() {
        assertThat(registry.get("ometria.changes.unreadable").functionCounter().count()).isZero();
        members.save(new FussyMember("f-1", "f1@example.com", "Ada"));
        members.save(new FussyMember("f-2", "f2@example.com", FussyMember.REFUSED));

        Eventually.await("the unreadable change given up and counted",
                () -> registry.get("ometria.changes.unreadable").functionCounter().count() == 1);
        assertThat(sync.unreadableChanges()).isEqualTo(1);
        Eventually.await("the healthy neighbour sent", () -> simulator.contact("club", "f-1") != null);
        assertThat(simulator.contact("club", "f-2")).isNull();
    }
}
