package dev.ometriasync.hibernate.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.backfill.fixtures.BackfillChild;
import dev.ometriasync.hibernate.backfill.fixtures.BackfillFactories;
import dev.ometriasync.hibernate.backfill.fixtures.ChildProcess;
import dev.ometriasync.hibernate.backfill.fixtures.Seeder;
import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * 200,000 contacts whose rows weigh about 300 bytes each (60 MB of data, well over 100 MB as entities) are backfilled by a child JVM with a
 * 64 MB heap. The same JVM cannot even load the table into a list, which shows the heap cannot hold it: the
 * backfill streams.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackfillMemoryTest {

    private static final int ROWS = 200_000;
    private static final List<String> SMALL_HEAP = List.of("-Xmx64m", "-XX:+UseSerialGC");

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).requestsPerSecond(5_000)
            .backlogCap(10_000_000, Duration.ofMinutes(1)).keepRequestBodies(false).start();

    @AfterAll
    void close() {
        ometria.close();
    }

    @Test
    void aChildJvmWithA64MegabyteHeapBackfills200000Rows() throws Exception {
        Map<String, String> jdbc = Database.POSTGRESQL.createEmpty();
        BackfillFactories.build(jdbc, BackfillFactories.settings(ometria, 1_000), "create").close();
        try (Seeder seeder = Seeder.open(jdbc)) {
            seeder.customers(1, ROWS, 250);
        }

        try (ChildProcess control = ChildProcess.start(BackfillChild.class, SMALL_HEAP, childProperties(jdbc, "load-all"))) {
            int status = control.waitForExit(300);
            assertThat(status).as("loading the whole table must fail in this heap:\n" + control.output()).isNotZero();
            assertThat(control.printed("OutOfMemoryError")).as(control.output()).isTrue();
        }

        try (ChildProcess child = ChildProcess.start(BackfillChild.class, SMALL_HEAP, childProperties(jdbc, "backfill"))) {
            assertThat(child.waitForExit(600)).as(child.output()).isZero();
            assertThat(child.line("SUMMARY ")).as(child.output())
                    .isEqualTo("complete=true sent=" + ROWS + " accepted=" + ROWS + " rejected=0");
            System.out.println("backfill of " + ROWS + " rows in -Xmx64m: peak heap " + child.line("PEAK_HEAP_MB ") + " MB");
        }
        assertThat(ometria.recordCount("contact")).isEqualTo(ROWS);
        assertThat(ometria.contact("webshop", "199999").get("email").asText()).isEqualTo(Seeder.email(199_999));
        assertThat(ometria.pushRequests()).allSatisfy(request -> assertThat(request.recordCount()).isLessThanOrEqualTo(100));
    }

    private Map<String, String> childProperties(Map<String, String> jdbc, String task) {
        Map<String, String> properties = new HashMap<>();
        properties.put("jdbc.url", jdbc.get("hibernate.connection.url"));
        properties.put("jdbc.user", jdbc.get("hibernate.connection.username"));
        properties.put("jdbc.password", jdbc.get("hibernate.connection.password"));
        properties.put("ometria.endpoint", ometria.baseUri().toString());
        properties.put("ometria.api-key", ometria.apiKey());
        properties.put("ometria.rate", "1000"); // the runtime pipeline allows at most 1000
        properties.put("child.task", task);
        return properties;
    }
}
