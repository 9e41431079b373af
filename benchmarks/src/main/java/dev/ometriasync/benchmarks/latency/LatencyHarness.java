package dev.ometriasync.benchmarks.latency;

import dev.ometriasync.benchmarks.model.BenchContact;
import dev.ometriasync.benchmarks.model.BenchData;
import dev.ometriasync.benchmarks.report.MachineInfo;
import dev.ometriasync.benchmarks.report.MarkdownTable;
import dev.ometriasync.benchmarks.support.Args;
import dev.ometriasync.benchmarks.support.BenchDatabase;
import dev.ometriasync.benchmarks.support.BenchSessionFactories;
import dev.ometriasync.benchmarks.support.Quiet;
import dev.ometriasync.testkit.OmetriaSimulator;
import dev.ometriasync.testkit.RecordedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.hibernate.SessionFactory;

/**
 * Commit-to-accepted time at light load: one change per second (alternately a new contact and an e-mail
 * change of the previous one), committed through Hibernate with ometria-sync in {@code direct} and in
 * {@code outbox} mode, with default settings (4 requests/s). The time runs from the moment {@code commit()}
 * returns to the arrival, at the simulator, of the first push request that carries the change and is answered
 * 200 (the simulator logs arrival times on the same system clock, in the same JVM). Changes are paced at a
 * fixed rate, not back to back, so they do not queue behind each other.
 */
public final class LatencyHarness {

    private static final String USAGE = """
            benchmarks/run.sh latency [--db h2] [--modes direct,outbox] [--changes 120] [--interval-ms 1000]
            """;

    private LatencyHarness() {
    }

    /**
     * @param args see {@link #USAGE}
     * @throws InterruptedException when interrupted while pacing
     */
    public static void main(String[] args) throws InterruptedException {
        Quiet.logging();
        Args options = new Args(args);
        if (options.help()) {
            System.out.print(USAGE);
            return;
        }
        int changes = options.integer("changes", 120);
        long intervalNanos = TimeUnit.MILLISECONDS.toNanos(options.integer("interval-ms", 1000));
        System.out.println("# latency: " + MachineInfo.describe());
        System.out.println("# start: " + MachineInfo.load());
        MarkdownTable table = new MarkdownTable("database", "mode", "changes", "p50", "p95", "p99", "max",
                "target p95 < 1 s");
        Clock clock = Clock.systemUTC();
        for (String dbName : options.string("db", "h2").split(",")) {
            BenchDatabase database = BenchDatabase.parse(dbName);
            for (String mode : options.string("modes", "direct,outbox").split(",")) {
                try (OmetriaSimulator simulator = OmetriaSimulator.builder().clock(clock).keepRequestBodies(false)
                        .https(false).start();
                     SessionFactory factory = BenchSessionFactories.build(database.createEmpty(),
                             BenchSessionFactories.ometria(simulator, mode.trim()))) {
                    List<Change> done = run(factory, clock, changes, intervalNanos);
                    if (!simulator.awaitIdle(Duration.ofSeconds(30))) {
                        System.out.println("# warning: simulator not idle after 30 s");
                    }
                    waitForAll(simulator, done, Duration.ofSeconds(30));
                    Histogram micros = latencies(simulator.pushRequests(), done);
                    System.out.printf(Locale.ROOT, "# %s %s: %d of %d changes matched, %d push requests, %d 429s (%s)%n",
                            database.name(), mode, micros.getTotalCount(), done.size(), simulator.pushRequestCount(),
                            simulator.rateLimitedCount(), MachineInfo.load());
                    double p95 = micros.getValueAtPercentile(95) / 1000.0;
                    table.row(database.label(), mode.trim(), micros.getTotalCount() + " of " + done.size(),
                            ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(95)),
                            ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()),
                            micros.getTotalCount() == done.size() && p95 < 1000 ? "met" : "missed");
                }
            }
        }
        System.out.println("# end: " + MachineInfo.load());
        System.out.println();
        System.out.println(table);
    }

    /** One committed change: the contact it touched, when its transaction began and when commit returned. */
    private record Change(String id, Instant began, Instant committed) {
    }

    private static List<Change> run(SessionFactory factory, Clock clock, int changes, long intervalNanos)
            throws InterruptedException {
        List<Change> done = new ArrayList<>();
        long next = System.nanoTime();
        long contactId = 0;
        for (int i = 0; i < changes; i++) {
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
            next += intervalNanos;
            Instant began = clock.instant();
            long id;
            if (i % 2 == 0) {
                id = ++contactId;
                factory.inTransaction(session -> session.persist(BenchData.contact(id)));
            } else {
                id = contactId;
                String email = "changed" + i + "@example.com";
                factory.inTransaction(session -> session.find(BenchContact.class, id).setEmail(email));
            }
            done.add(new Change(String.valueOf(id), began, clock.instant()));
        }
        return done;
    }

    private static void waitForAll(OmetriaSimulator simulator, List<Change> done, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (latencies(simulator.pushRequests(), done).getTotalCount() == done.size()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static Histogram latencies(List<RecordedRequest> requests, List<Change> done) {
        Histogram micros = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        for (Change change : done) {
            for (RecordedRequest request : requests) {
                if (request.status() == 200 && !request.arrival().isBefore(change.began())
                        && request.ids().contains(change.id())) {
                    long latency = Duration.between(change.committed(), request.arrival()).toNanos() / 1000;
                    micros.recordValue(Math.max(0, latency));
                    break;
                }
            }
        }
        return micros;
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.0f ms", micros / 1000.0);
    }
}
