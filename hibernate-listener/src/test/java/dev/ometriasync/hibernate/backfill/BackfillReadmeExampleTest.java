package dev.ometriasync.hibernate.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.backfill.fixtures.BackfillFactories;
import dev.ometriasync.hibernate.backfill.fixtures.Seeder;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The examples of {@code docs/readme/backfill.md}, as written there. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackfillReadmeExampleTest {

    private static final Logger log = LoggerFactory.getLogger(BackfillReadmeExampleTest.class);

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).requestsPerSecond(2_000)
            .backlogCap(1_000_000, Duration.ofMinutes(1)).start();

    @AfterAll
    void close() {
        ometria.close();
    }

    private SessionFactory seeded() {
        Map<String, String> jdbc = Database.H2.createEmpty();
        SessionFactory factory = BackfillFactories.build(jdbc, BackfillFactories.settings(ometria, 1_000), "create");
        try (Seeder seeder = Seeder.open(jdbc)) {
            seeder.products(1, 100).customers(1, 250, 10).orders(150, 2);
        }
        return factory;
    }

    @Test
    void apiExample() {
        try (SessionFactory sessionFactory = seeded()) {
            // --- as in the README ---
            BackfillSummary summary = OmetriaBackfill.forSessionFactory(sessionFactory)   // or an EntityManagerFactory
                    .createCheckpointTable()                  // create ometria_backfill_checkpoint if it is missing
                    .progress(p -> log.info("{} / {} records, {} records/s, ETA {}",
                            p.done(), p.total(), (int) p.recordsPerSecond(), p.eta().orElse(null)))
                    .run();                                   // blocks until done or stopped

            if (!summary.complete()) {
                log.warn("backfill stopped: {}; run it again to resume", summary.stopReason());
            }
            // ---
            assertThat(summary.complete()).isTrue();
            assertThat(summary.accepted()).isEqualTo(500);
            assertThat(summary.rejected()).isZero();
            assertThat(summary.rejections()).isEmpty();
            assertThat(summary.types()).hasSize(3);
        }
    }

    @Test
    void consoleExample() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (SessionFactory sessionFactory = seeded()) {
            BackfillSummary summary = BackfillConsole.to(out)
                    .run(OmetriaBackfill.forSessionFactory(sessionFactory).createCheckpointTable());

            assertThat(summary.accepted()).isEqualTo(500);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        assertThat(printed).contains("500/500 records").contains("Backfill 'default' complete: 500 records sent, 500 accepted, 0 rejected");
    }
}
