package dev.ometriasync.benchmarks.backfill;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.ometriasync.benchmarks.model.BenchContact;
import dev.ometriasync.benchmarks.report.MachineInfo;
import dev.ometriasync.benchmarks.report.MarkdownTable;
import dev.ometriasync.benchmarks.support.Args;
import dev.ometriasync.benchmarks.support.BenchDatabase;
import dev.ometriasync.benchmarks.support.BenchSessionFactories;
import dev.ometriasync.benchmarks.support.Quiet;
import dev.ometriasync.benchmarks.support.SimulatorProcess;
import dev.ometriasync.hibernate.OmetriaSettings;
import dev.ometriasync.hibernate.backfill.BackfillSummary;
import dev.ometriasync.hibernate.backfill.OmetriaBackfill;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.hibernate.SessionFactory;

/**
 * The backfill of {@code --rows} contacts (1,000,000 by default) from PostgreSQL through the Hibernate
 * integration's pipeline to a simulator, first with the rate limit lifted (rows/s and peak heap of this JVM,
 * which runs the backfill alone: the simulator runs in a child JVM so the records it keeps are not counted),
 * then {@code --paced-rows} contacts at the real 4 requests/s, whose measured rate gives the projected time of
 * the full table at 4 requests/s. The rows are written with plain JDBC (the integration does not see them),
 * as an existing database would hold them.
 */
public final class BackfillHarness {

    private static final String USAGE = """
            benchmarks/run.sh backfill [--rows 1000000] [--paced-rows 20000] [--chunk 1000] [--lifted-rps 1000]
                                       [--chunks-in-flight 1] [--simulator-heap 6g] [--project-rows 1000000]
            Run it with a bounded heap to show the memory stays flat, e.g. JAVA_OPTS=-Xmx256m.
            """;

    private BackfillHarness() {
    }

    /**
     * @param args see {@link #USAGE}
     * @throws Exception when a database or the simulator cannot start
     */
    public static void main(String[] args) throws Exception {
        Quiet.logging();
        Args options = new Args(args);
        if (options.help()) {
            System.out.print(USAGE);
            return;
        }
        int rows = options.integer("rows", 1_000_000);
        int pacedRows = options.integer("paced-rows", 20_000);
        int chunk = options.integer("chunk", OmetriaBackfill.DEFAULT_CHUNK_SIZE);
        int liftedRps = options.integer("lifted-rps", 1000);
        String simulatorHeap = options.string("simulator-heap", "6g");
        int chunksInFlight = options.integer("chunks-in-flight", OmetriaBackfill.DEFAULT_MAX_CHUNKS_IN_FLIGHT);
        BenchDatabase.durablePostgres(true);

        System.out.println("# backfill: " + MachineInfo.describe() + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        System.out.println("# " + BenchDatabase.POSTGRESQL.durabilitySettings());
        System.out.println("# start: " + MachineInfo.load());
        System.out.println("# chunk " + chunk + " rows, " + chunksInFlight + " chunk(s) in flight");
        MarkdownTable table = new MarkdownTable("run", "rows", "rate limit", "elapsed", "rows/s",
                "records/request", "429s", "complete", "peak heap used", "peak live heap (after GC)",
                "max heap (-Xmx)");

        Result lifted = run(rows, liftedRps, 100_000, 100_000_000, chunk, chunksInFlight, simulatorHeap);
        table.row("rate limit lifted", String.format(Locale.ROOT, "%,d", rows), liftedRps + " req/s",
                String.format(Locale.ROOT, "%.1f s", lifted.seconds()),
                String.format(Locale.ROOT, "%,.0f", rows / lifted.seconds()), lifted.recordsPerRequest(),
                lifted.rateLimited(), lifted.complete(), mb(lifted.peakUsed()), mb(lifted.peakLive()),
                mb(Runtime.getRuntime().maxMemory()));
        System.out.println("# after lifted run: " + MachineInfo.load());

        if (pacedRows > 0) {
            Result paced = run(pacedRows, 4, 8, 50_000, chunk, chunksInFlight, "1g");
            double rate = pacedRows / paced.seconds();
            table.row("at 4 req/s (measured)", String.format(Locale.ROOT, "%,d", pacedRows), "4 req/s",
                    String.format(Locale.ROOT, "%.1f s", paced.seconds()), String.format(Locale.ROOT, "%,.1f", rate),
                    paced.recordsPerRequest(), paced.rateLimited(), paced.complete(), mb(paced.peakUsed()),
                    mb(paced.peakLive()), mb(Runtime.getRuntime().maxMemory()));
            int projectedRows = options.integer("project-rows", 1_000_000);
            double projected = projectedRows / rate;
            table.row("at 4 req/s (projected from the row above)", String.format(Locale.ROOT, "%,d", projectedRows),
                    "4 req/s", String.format(Locale.ROOT, "%,.0f s (%.1f h)", projected, projected / 3600),
                    String.format(Locale.ROOT, "%,.1f", rate), "—", "—", "—", "—", "—", "—");
        }
        System.out.println("# end: " + MachineInfo.load());
        System.out.println();
        System.out.println(table);
    }

    private record Result(double seconds, boolean complete, String recordsPerRequest, String rateLimited,
                          long peakUsed, long peakLive) {
    }

    private static Result run(int rows, int pipelineRps, int simulatorRps, int backlogPerMinute, int chunk,
                              int chunksInFlight, String simulatorHeap) throws Exception {
        try (SimulatorProcess simulator = SimulatorProcess.start(simulatorRps, backlogPerMinute, simulatorHeap)) {
            Map<String, String> jdbc = BenchDatabase.POSTGRESQL.createEmpty();
            Map<String, String> ometria = new HashMap<>();
            ometria.put(OmetriaSettings.API_KEY.key(), simulator.apiKey());
            ometria.put(OmetriaSettings.ENDPOINT.key(), simulator.baseUri().toString());
            ometria.put(OmetriaSettings.MODE.key(), "direct");
            ometria.put(OmetriaSettings.REQUESTS_PER_SECOND.key(), String.valueOf(pipelineRps));
            ometria.put("hibernate.default_batch_fetch_size", "1000");
            try (SessionFactory factory = BenchSessionFactories.build(jdbc, ometria)) {
                long seedStart = System.nanoTime();
                seed(jdbc, rows);
                System.out.printf(Locale.ROOT, "# seeded %,d contacts in %.1f s%n", rows,
                        (System.nanoTime() - seedStart) / 1e9);
                System.gc();
                HeapWatch heap = HeapWatch.start();
                long start = System.nanoTime();
                AtomicLong lastPrint = new AtomicLong(start);
                BackfillSummary summary = OmetriaBackfill.forSessionFactory(factory)
                        .entities(BenchContact.class)
                        .chunkSize(chunk)
                        .maxChunksInFlight(chunksInFlight)
                        .createCheckpointTable()
                        .progress(p -> {
                            long now = System.nanoTime();
                            if (now - lastPrint.get() > 10_000_000_000L) {
                                lastPrint.set(now);
                                System.out.printf(Locale.ROOT, "#   %,d / %,d rows, %,.0f rows/s, heap %s%n", p.done(),
                                        p.total(), p.recordsPerSecond(), mb(heap.peakUsed()));
                            }
                        })
                        .run();
                double seconds = (System.nanoTime() - start) / 1e9;
                heap.stop();
                String stats = simulator.stats();
                System.out.printf(Locale.ROOT, "# %,d rows at %d req/s: %s; simulator %s%n", rows, pipelineRps,
                        summary, stats);
                Map<String, String> counts = parse(stats);
                long requests = Long.parseLong(counts.get("accepted"));
                long records = Long.parseLong(counts.get("records"));
                boolean complete = summary.complete() && summary.accepted() == rows
                        && Long.parseLong(counts.get("stored")) == rows;
                return new Result(seconds, complete,
                        String.format(Locale.ROOT, "%.1f", requests == 0 ? 0.0 : (double) records / requests),
                        counts.get("rateLimited"), heap.peakUsed(), heap.peakLive());
            }
        }
    }

    private static Map<String, String> parse(String stats) {
        Map<String, String> values = new HashMap<>();
        for (String pair : stats.split(" ")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return values;
    }

    /** Writes the contacts and their store ids with batched JDBC inserts, outside Hibernate. */
    private static void seed(Map<String, String> jdbc, int rows) throws SQLException {
        try (Connection connection = BenchDatabase.connect(jdbc)) {
            connection.setAutoCommit(false);
            try (PreparedStatement contact = connection.prepareStatement("insert into bench_contact (id, accountRef, "
                    + "email, prefix, firstName, middleName, lastName, gender, birthDate, phone, country, timezone, "
                    + "optin, acquiredAt) values (?, ?, ?, 'Ms', 'Ada', 'Augusta', 'Lovelace', 'f', date '1990-04-23', "
                    + "'+447911123456', 'GB', 'Europe/London', 'EXPLICITLY_OPTEDIN', ?)");
                 PreparedStatement store = connection.prepareStatement(
                         "insert into bench_contact_store (contact_id, position, store_id) values (?, ?, ?)")) {
                Instant acquired = Instant.parse("2024-03-01T10:15:30Z");
                for (int i = 1; i <= rows; i++) {
                    contact.setLong(1, i);
                    contact.setString(2, "ACC-" + i);
                    contact.setString(3, "customer" + i + "@example.com");
                    contact.setTimestamp(4, Timestamp.from(acquired.plusSeconds(i)));
                    contact.addBatch();
                    store.setLong(1, i);
                    store.setInt(2, 0);
                    store.setString(3, "uk");
                    store.addBatch();
                    if (i % 5000 == 0 || i == rows) {
                        contact.executeBatch();
                        store.executeBatch();
                        connection.commit();
                    }
                }
            }
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
    }

    /**
     * Peak heap: the highest heap use sampled every 20 ms, and the highest heap use right after a collection
     * (the live set, which is what must stay flat).
     */
    private static final class HeapWatch {
        private final AtomicLong peakUsed = new AtomicLong();
        private final AtomicLong peakLive = new AtomicLong();
        private final Thread sampler;
        private volatile boolean running = true;

        private HeapWatch() {
            java.util.Set<String> heapPools = new java.util.HashSet<>();
            for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                    heapPools.add(pool.getName());
                }
            }
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener((notification, handback) -> {
                        if (running && GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                                .equals(notification.getType())) {
                            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                                    .from((CompositeData) notification.getUserData());
                            long live = 0;
                            for (Map.Entry<String, MemoryUsage> pool
                                    : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                                if (heapPools.contains(pool.getKey())) {
                                    live += pool.getValue().getUsed();
                                }
                            }
                            peakLive.accumulateAndGet(live, Math::max);
                        }
                    }, null, null);
                }
            }
            sampler = new Thread(() -> {
                while (running) {
                    peakUsed.accumulateAndGet(
                            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        static HeapWatch start() {
            return new HeapWatch();
        }

        void stop() {
            running = false;
            sampler.interrupt();
        }

        long peakUsed() {
            return peakUsed.get();
        }

        long peakLive() {
            return peakLive.get();
        }
    }
}
