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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The command line: boots the test persistence unit ({@code META-INF/persistence.xml}), draws progress, prints the summary. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackfillCommandTest {

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).requestsPerSecond(2_000)
            .backlogCap(1_000_000, Duration.ofMinutes(1)).start();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void reset() {
        ometria.reset();
        out.reset();
        err.reset();
    }

    @AfterAll
    void close() {
        ometria.close();
    }

    private Map<String, String> seededDatabase() {
        Map<String, String> jdbc = Database.H2.createEmpty();
        BackfillFactories.build(jdbc, BackfillFactories.settings(ometria, 1_000), "create").close();
        try (Seeder seeder = Seeder.open(jdbc)) {
            seeder.products(1, 300).customers(1, 200, 10).orders(200, 1);
        }
        return jdbc;
    }

    private int run(Map<String, String> environment, String... args) {
        return BackfillCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                environment);
    }

    private List<String> connectionArgs(Map<String, String> jdbc) {
        List<String> args = new ArrayList<>(List.of("--persistence-unit", "backfill-cli"));
        jdbc.forEach((key, value) -> args.add("-D" + key + "=" + value));
        args.addAll(List.of("--property", "ometria.endpoint=" + ometria.baseUri(), "-Dometria.requests-per-second=1000"));
        return args;
    }

    @Test
    void theCommandDrawsAProgressBarAndPrintsTheSummary() {
        List<String> args = connectionArgs(seededDatabase());
        args.addAll(List.of("--create-checkpoint-table", "--chunk-size", "100"));

        int status = run(Map.of("OMETRIA_API_KEY", ometria.apiKey()), args.toArray(String[]::new));

        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(output + err).isEqualTo(BackfillCommand.COMPLETE);
        assertThat(output).contains("Backfill").contains("700/700").contains("records/s");
        assertThat(output).contains("Backfill 'default' complete: 700 records sent, 700 accepted, 0 rejected");
        assertThat(output).containsPattern("product +CatalogProduct +completed +300 sent +300 accepted +0 rejected");
        assertThat(output).containsPattern("contact +Customer +completed +200 sent");
        assertThat(output).containsPattern("order +PurchaseOrder +completed +200 sent");
        assertThat(ometria.recordCount("product") + ometria.recordCount("contact") + ometria.recordCount("order")).isEqualTo(700);
    }

    @Test
    void deadLettersAreListedReplayedAndPurgedFromTheCommandLine() throws Exception {
        Map<String, String> jdbc = seededDatabase();
        long first = insertDeadRow(jdbc, "17");
        long second = insertDeadRow(jdbc, "18");
        List<String> args = connectionArgs(jdbc);
        args.add("-Dometria.api-key=" + ometria.apiKey());

        List<String> list = new ArrayList<>(args);
        list.addAll(List.of("--dead-letters", "list"));
        assertThat(run(Map.of(), list.toArray(String[]::new))).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(BackfillCommand.COMPLETE);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("2 dead outbox row(s):")
                .contains("  " + first + "  INSERT dev.ometriasync.hibernate.fixtures.Customer#17 (contact), 3 attempt(s)")
                .contains("REJECTED: simulated");

        out.reset();
        List<String> replay = new ArrayList<>(args);
        replay.addAll(List.of("--dead-letters", "replay", "--ids", Long.toString(first)));
        assertThat(run(Map.of(), replay.toArray(String[]::new))).isEqualTo(BackfillCommand.COMPLETE);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 dead outbox row(s) replayed");
        assertThat(deadRowIds(jdbc)).containsExactly(second);

        out.reset();
        List<String> purge = new ArrayList<>(args);
        purge.addAll(List.of("--dead-letters", "purge", "--all"));
        assertThat(run(Map.of(), purge.toArray(String[]::new))).isEqualTo(BackfillCommand.COMPLETE);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 dead outbox row(s) purged");
        assertThat(deadRowIds(jdbc)).isEmpty();

        assertThat(run(Map.of(), "--persistence-unit", "backfill-cli", "--dead-letters", "purge")).isEqualTo(BackfillCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--dead-letters purge needs --ids or --all");
    }

    private static long insertDeadRow(Map<String, String> jdbc, String customerId) throws java.sql.SQLException {
        try (java.sql.Connection connection = Database.connect(jdbc);
                java.sql.PreparedStatement insert = connection.prepareStatement("insert into ometria_outbox (operation, entity_name,"
                        + " entity_id, ometria_type, attempts, next_attempt_at, status, last_error, created_at) values ('INSERT',"
                        + " 'dev.ometriasync.hibernate.fixtures.Customer', ?, 'contact', 3, current_timestamp, 'DEAD',"
                        + " 'REJECTED: simulated poison record', current_timestamp)", new String[] {"id"})) {
            insert.setString(1, customerId);
            insert.executeUpdate();
            try (java.sql.ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static List<Long> deadRowIds(Map<String, String> jdbc) throws java.sql.SQLException {
        List<Long> ids = new ArrayList<>();
        try (java.sql.Connection connection = Database.connect(jdbc);
                java.sql.ResultSet rows = connection.createStatement().executeQuery("select id from ometria_outbox where status = 'DEAD'")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    @Test
    void plainLinesAndRejectionsGroupedByReasonWithExitStatusOne() {
        List<String> args = connectionArgs(seededDatabase());
        args.addAll(List.of("--create-checkpoint-table", "--plain", "--types", "contact", "-Dometria.api-key=" + ometria.apiKey()));
        ometria.rejectRequestsWithRecord(record -> "17".equals(record.path("id").asText()));

        int status = run(Map.of(), args.toArray(String[]::new));

        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(output + err).isEqualTo(BackfillCommand.COMPLETE_WITH_REJECTIONS);
        assertThat(output).contains("Backfill contact: 200 / 200 records (100%)");
        assertThat(output).contains("Rejected records by reason:");
        assertThat(output).containsPattern("\\d+ × .*400.*: Customer#\\d+"); // the reason names the HTTP status
    }

    @Test
    void wrongUsageExitsWith64AndPrintsTheUsage() {
        assertThat(run(Map.of(), "--persistence-unit", "backfill-cli", "--chunk-size")).isEqualTo(BackfillCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--chunk-size needs a value").contains("Usage: BackfillCommand");

        err.reset();
        assertThat(run(Map.of(), "--types", "contact")).isEqualTo(BackfillCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--persistence-unit is required");

        err.reset();
        assertThat(run(Map.of(), "--persistence-unit", "backfill-cli", "--types", "customer")).isEqualTo(BackfillCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown type 'customer'");

        err.reset();
        assertThat(run(Map.of(), "--persistence-unit", "backfill-cli")).isEqualTo(BackfillCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no Ometria API key: set OMETRIA_API_KEY");

        assertThat(run(Map.of(), "--help")).isEqualTo(BackfillCommand.COMPLETE);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--changed-since-attribute CLASS=ATTRIBUTE");
    }

    @Test
    void aMissingCheckpointTableFailsWithStatus70AndTheDdl() {
        List<String> args = connectionArgs(seededDatabase());

        int status = run(Map.of("OMETRIA_API_KEY", ometria.apiKey()), args.toArray(String[]::new));

        assertThat(status).isEqualTo(BackfillCommand.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("create table if not exists ometria_backfill_checkpoint").contains("--create-checkpoint-table");
        assertThat(ometria.pushRequestCount()).isZero();
    }
}
