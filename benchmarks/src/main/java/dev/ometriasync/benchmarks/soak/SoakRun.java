package dev.ometriasync.benchmarks.soak;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ometriasync.benchmarks.report.MachineInfo;
import dev.ometriasync.benchmarks.report.MarkdownTable;
import dev.ometriasync.benchmarks.soak.check.DatabaseState;
import dev.ometriasync.benchmarks.soak.check.ExpectedState;
import dev.ometriasync.benchmarks.soak.check.Mismatch;
import dev.ometriasync.benchmarks.soak.check.OmetriaKey;
import dev.ometriasync.benchmarks.soak.check.RateCheck;
import dev.ometriasync.benchmarks.soak.check.StateCheck;
import dev.ometriasync.benchmarks.soak.check.StateCheckResult;
import dev.ometriasync.benchmarks.soak.model.SoakContact;
import dev.ometriasync.benchmarks.support.BenchDatabase;
import dev.ometriasync.hibernate.DeadLetter;
import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.testkit.Fault;
import dev.ometriasync.testkit.OmetriaSimulator;
import dev.ometriasync.testkit.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.SessionFactory;

/**
 * One soak: the controller's side. Starts embedded PostgreSQL and the simulator (with random 429s, 503s and slow
 * answers, enforcing the account's rate by real arrival time), creates the schema, launches two worker JVMs,
 * restarts one every {@code --restart-every}, kills the lease holder once with SIGKILL, stops the changes, lets the
 * survivors drain the outbox, then checks and prints the verdict.
 */
final class SoakRun {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);
    private static final String[] SLOTS = {"A", "B"};
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    private final SoakOptions options;
    private final List<String> failures = new ArrayList<>();
    private final List<String> timeline = new ArrayList<>();
    private final Map<String, Integer> generations = new HashMap<>();
    private final List<WorkerProcess> everyWorker = new ArrayList<>();
    private final WorkerProcess[] current = new WorkerProcess[SLOTS.length];
    /** Which instance sent each accepted request, by {@code request_id}. */
    private final Map<String, String> senders = new java.util.concurrent.ConcurrentHashMap<>();
    private Map<String, String> jdbc;
    private OmetriaSimulator simulator;
    private long startNanos;
    private Instant startInstant;
    private String leaseHolders = "";
    private int restarts;
    private int seedCounter;

    SoakRun(SoakOptions options) {
        this.options = options;
    }

    /** @return whether every check passed */
    boolean run() throws Exception {
        Files.createDirectories(options.logDirectory());
        try (var old = Files.newDirectoryStream(options.logDirectory(), "worker-*.log")) {
            for (Path log : old) {
                Files.delete(log);
            }
        }
        System.out.println("# Soak: two instances, one embedded PostgreSQL, outbox mode");
        System.out.println();
        System.out.println("- started " + Instant.now() + "; " + MachineInfo.describe() + "; " + MachineInfo.load());
        System.out.println("- options: " + options);
        BenchDatabase.durablePostgres(false);
        jdbc = BenchDatabase.POSTGRESQL.createEmpty();
        System.out.println("- database: " + BenchDatabase.POSTGRESQL.durabilitySettings());
        simulator = OmetriaSimulator.builder().https(false).requestsPerSecond(options.rate())
                .networkJitter(options.jitterMin(), options.jitterMax())
                .newConnectionDelay(options.newConnectionDelay())
                .start();
        armFaults();
        SessionFactory observer = SoakWorker.build(jdbc, observerSettings(), "create");
        OmetriaSync observed = OmetriaSync.of(observer);
        try (LoadSampler load = new LoadSampler(5_000)) {
            startNanos = System.nanoTime();
            startInstant = Instant.now();
            for (int slot = 0; slot < SLOTS.length; slot++) {
                current[slot] = launch(slot);
            }
            for (WorkerProcess worker : current) {
                if (!worker.awaitReady(READY_TIMEOUT)) {
                    fail("worker " + worker.name() + " did not start; see " + worker.log());
                    return report(null, null, load, observed, Duration.ZERO);
                }
            }
            event("both instances ready");
            changeData();
            long stoppedNanos = System.nanoTime();
            for (WorkerProcess worker : current) {
                if (!worker.pause(Duration.ofSeconds(60))) {
                    fail("worker " + worker.name() + " did not stop its changes");
                }
            }
            event("changes stopped");
            Duration drain = drain(observed);
            for (int slot = 0; slot < SLOTS.length; slot++) {
                Duration stop = current[slot].stopGracefully(STOP_TIMEOUT);
                event("final stop of " + current[slot].name() + (stop == null ? " FAILED" : " took " + millis(stop)));
                if (stop == null) {
                    fail("final graceful stop of " + current[slot].name() + " failed; see " + current[slot].log());
                }
            }
            simulator.awaitIdle();
            ExpectedState expected;
            try (Connection connection = connect()) {
                expected = DatabaseState.read(connection);
            }
            StateCheckResult state = StateCheck.compare(expected, ometriaState());
            Duration changeTime = Duration.ofNanos(stoppedNanos - startNanos);
            return report(expected, state, load, observed, changeTime.plus(drain));
        } finally {
            for (WorkerProcess worker : everyWorker) {
                if (worker.isAlive()) {
                    worker.kill();
                }
            }
            observer.close();
            simulator.close();
        }
    }

    private void armFaults() {
        long seed = options.seed() * 1_000;
        if (options.fault429() > 0) {
            simulator.failAtRandom(options.fault429() / 2, Fault.status(429).withRetryAfter(Duration.ofSeconds(1)), seed + 1);
            simulator.failAtRandom(options.fault429() / 2, Fault.status(429), seed + 2);
        }
        if (options.fault503() > 0) {
            simulator.failAtRandom(options.fault503(), Fault.status(503), seed + 3);
        }
        if (options.slow() > 0) {
            simulator.failAtRandom(options.slow(), Fault.slowAnswer(options.slowDelay()), seed + 4);
        }
        if (options.verySlow() > 0) {
            simulator.failAtRandom(options.verySlow(), Fault.slowAnswer(options.verySlowDelay()), seed + 5);
        }
    }

    /** The instances' settings: public {@code ometria.*} Hibernate properties only. */
    private Map<String, String> ometriaSettings() {
        Map<String, String> settings = new TreeMap<>();
        settings.put("ometria.api-key", simulator.apiKey());
        settings.put("ometria.endpoint", simulator.baseUri().toString());
        settings.put("ometria.mode", "outbox");
        settings.put("ometria.requests-per-second", Integer.toString(options.rate()));
        settings.put("ometria.request-timeout", options.requestTimeout().toSeconds() + "s");
        settings.put("ometria.relay.lease-duration", options.leaseDuration().toSeconds() + "s");
        settings.put("ometria.shutdown-timeout", SHUTDOWN_TIMEOUT.toSeconds() + "s");
        return settings;
    }

    /** The controller's own SessionFactory: creates the schema, then only reads outbox figures (no relay). */
    private Map<String, String> observerSettings() {
        Map<String, String> settings = ometriaSettings();
        settings.put("ometria.relay.enabled", "false");
        settings.put("ometria.relay.instance-id", "soak-controller");
        return settings;
    }

    private WorkerProcess launch(int slot) throws IOException {
        int generation = generations.merge(SLOTS[slot], 1, Integer::sum);
        String name = SLOTS[slot] + generation;
        Map<String, String> properties = ometriaSettings();
        properties.put("ometria.relay.instance-id", "soak-" + name);
        List<String> args = List.of(
                "--jdbc-url", jdbc.get("hibernate.connection.url"),
                "--jdbc-user", jdbc.get("hibernate.connection.username"),
                "--jdbc-password", jdbc.get("hibernate.connection.password"),
                "--instance", name,
                "--threads", Integer.toString(options.threads()),
                "--tps", Double.toString(options.transactionsPerSecond()),
                "--seed", Long.toString(options.seed() * 100 + ++seedCounter));
        WorkerProcess worker = WorkerProcess.start(name, args, properties, options.logDirectory(), senders);
        everyWorker.add(worker);
        event("started " + name);
        return worker;
    }

    /** The timeline of the changing phase: graceful restarts, alternating, and one SIGKILL of the lease holder. */
    private void changeData() throws Exception {
        long end = options.duration().toNanos();
        long nextRestart = options.restartEvery().toNanos();
        long killAt = options.killAt().toNanos();
        boolean killed = killAt >= end;
        if (killed) {
            fail("--kill-at " + options.killAt().toSeconds() + " s is not within the run: nothing was killed");
        }
        long nextProgress = Duration.ofSeconds(30).toNanos();
        int restartSlot = 0;
        while (elapsed() < end) {
            long now = elapsed();
            if (!killed && now >= killAt) {
                killed = true;
                killLeaseHolder();
            } else if (now >= nextRestart) {
                restart(restartSlot);
                restartSlot = (restartSlot + 1) % SLOTS.length;
                nextRestart += options.restartEvery().toNanos();
            } else if (now >= nextProgress) {
                progress();
                nextProgress += Duration.ofSeconds(30).toNanos();
            } else {
                Thread.sleep(200);
            }
            watchLease();
            for (int slot = 0; slot < SLOTS.length; slot++) {
                if (!current[slot].isAlive()) {
                    fail("worker " + current[slot].name() + " died unexpectedly; see " + current[slot].log());
                    current[slot] = launch(slot);
                    current[slot].awaitReady(READY_TIMEOUT);
                }
            }
        }
    }

    private void restart(int slot) throws Exception {
        WorkerProcess old = current[slot];
        boolean wasActive = old.activeRelay();
        event("stopping " + old.name() + " gracefully");
        Duration stop = old.stopGracefully(STOP_TIMEOUT);
        restarts++;
        if (stop == null) {
            fail("graceful stop of " + old.name() + " did not finish; see " + old.log());
        }
        event("graceful stop of " + old.name() + (wasActive ? " (lease holder)" : "") + " took "
                + (stop == null ? "FAILED" : millis(stop)));
        current[slot] = launch(slot);
        if (!current[slot].awaitReady(READY_TIMEOUT)) {
            fail("restarted worker " + current[slot].name() + " did not start; see " + current[slot].log());
        } else {
            event(current[slot].name() + " ready");
        }
    }

    private void killLeaseHolder() throws Exception {
        int slot = current[1].activeRelay() && !current[0].activeRelay() ? 1 : 0;
        WorkerProcess victim = current[slot];
        boolean wasActive = victim.activeRelay();
        int exit = victim.kill();
        boolean sigkill = exit == 137 && !victim.saidStopped();
        event("SIGKILL of " + victim.name() + (wasActive ? " (lease holder)" : " (no lease holder seen)")
                + ": exit value " + exit + (sigkill ? " = 128 + 9, killed by SIGKILL without closing" : ""));
        if (!sigkill) {
            fail("the kill of " + victim.name() + " was not a SIGKILL: exit value " + exit + ", said STOPPED: "
                    + victim.saidStopped());
        }
        Thread.sleep(5_000); // a supervisor notices, then starts a fresh process
        current[slot] = launch(slot);
        if (current[slot].awaitReady(READY_TIMEOUT)) {
            event(current[slot].name() + " ready");
        } else {
            fail("worker " + current[slot].name() + " did not start after the kill");
        }
    }

    /** Notes in the timeline when the instances' own view of who holds the relay lease changes. */
    private void watchLease() {
        List<String> holders = new ArrayList<>();
        for (WorkerProcess worker : current) {
            if (worker.isAlive() && worker.activeRelay()) {
                holders.add(worker.name());
            }
        }
        String now = holders.isEmpty() ? "none" : String.join(" and ", holders);
        if (!now.equals(leaseHolders)) {
            leaseHolders = now;
            event("sending (lease held, as each instance reports it once a second): " + now);
        }
    }

    private void progress() {
        long committed = everyWorker.stream().mapToLong(WorkerProcess::committed).sum();
        System.out.printf(Locale.ROOT, "  [%s] committed %,d transactions; %,d push requests; %s%n",
                clock(), committed, simulator.pushRequestCount(), MachineInfo.load());
    }

    /**
     * Waits until the outbox holds nothing but dead rows, and has stayed so for longer than a request may take
     * (a key in doubt is re-sent from the outbox), bounded by {@code --drain-timeout}.
     *
     * @return how long it took, or the timeout
     */
    private Duration drain(OmetriaSync observed) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + options.drainTimeout().toNanos();
        long quietNeeded = options.requestTimeout().plusSeconds(5).toNanos();
        long emptySince = -1;
        long emptyAt = -1;
        while (System.nanoTime() < deadline) {
            long open = openOutboxRows(observed);
            watchLease();
            long now = System.nanoTime();
            if (open == 0) {
                if (emptySince < 0) {
                    emptySince = now;
                    emptyAt = now;
                }
                if (now - emptySince >= quietNeeded) {
                    Duration took = Duration.ofNanos(emptyAt - started);
                    event("outbox empty " + millis(took) + " after the changes stopped (and stayed empty "
                            + millis(Duration.ofNanos(quietNeeded)) + ")");
                    return took;
                }
            } else {
                emptySince = -1;
            }
            Thread.sleep(500);
        }
        fail("the outbox was not drained within " + options.drainTimeout().toSeconds() + " s: "
                + openOutboxRows(observed) + " rows left");
        return options.drainTimeout();
    }

    /** @return outbox rows that are not dead (pending, claimed, in doubt: anything still to send) */
    private long openOutboxRows(OmetriaSync observed) {
        Map<String, Long> byStatus = outboxByStatus();
        if (byStatus == null) {
            return observed.pendingOutboxRows();
        }
        return byStatus.entrySet().stream().filter(entry -> !"DEAD".equalsIgnoreCase(entry.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** @return outbox rows by status, read from the shipped {@code ometria_outbox} table; null when unreadable */
    private Map<String, Long> outboxByStatus() {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select status, count(*) from ometria_outbox group by status")) {
            Map<String, Long> byStatus = new TreeMap<>();
            while (rows.next()) {
                byStatus.put(rows.getString(1), rows.getLong(2));
            }
            return byStatus;
        } catch (SQLException e) {
            return null;
        }
    }

    private Connection connect() throws SQLException {
        return BenchDatabase.connect(jdbc);
    }

    private Map<OmetriaKey, ObjectNode> ometriaState() {
        Map<OmetriaKey, ObjectNode> state = new HashMap<>();
        for (ObjectNode contact : simulator.records("contact")) {
            if (SoakContact.COLLECTION.equals(contact.path("@collection").asText())) {
                state.put(new OmetriaKey("contact", contact.get("id").asText()), contact);
            } else {
                state.put(new OmetriaKey("contact", "(collection " + contact.path("@collection") + ") "
                        + contact.get("id").asText()), contact);
            }
        }
        for (String type : List.of("order", "product")) {
            for (ObjectNode record : simulator.records(type)) {
                state.put(new OmetriaKey(type, record.get("id").asText()), record);
            }
        }
        return state;
    }

    private boolean report(ExpectedState expected, StateCheckResult state, LoadSampler load, OmetriaSync observed,
                           Duration total) {
        List<RecordedRequest> pushes = simulator.pushRequests();
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> slowAnswers = new TreeMap<>();
        long recordsAccepted = 0;
        for (RecordedRequest push : pushes) {
            String outcome = push.outcome();
            int delayed = outcome.indexOf(", answer delayed ");
            if (delayed >= 0) {
                slowAnswers.merge(outcome.substring(delayed + ", answer delayed ".length()), 1, Integer::sum);
                outcome = outcome.substring(0, delayed);
            }
            outcomes.merge(outcome, 1, Integer::sum);
            if (push.status() == 200) {
                recordsAccepted += push.recordCount();
            }
        }
        // Ometria's older pages give one budget for every Data API call of an account, and the simulator counts pushes
        // and reads of GET /v2/push/_errors (the pipelines' warm-up) in one window: the rate is judged over both.
        List<RecordedRequest> every = simulator.requests();
        int maxInSecond = simulator.maxRequestsInAnySecond();
        int overLimit = (int) every.stream().filter(request -> request.outcome().startsWith("rate-limited")).count();
        long otherCalls = every.size() - pushes.size();
        Map<String, Long> outbox = outboxByStatus();
        long dead = observed.deadOutboxRows();
        long open = openOutboxRows(observed);
        long committed = everyWorker.stream().mapToLong(WorkerProcess::committed).sum();
        long rolledBack = everyWorker.stream().mapToLong(WorkerProcess::rolledBack).sum();
        long collided = everyWorker.stream().mapToLong(WorkerProcess::failed).sum();
        long captureFailures = everyWorker.stream().mapToLong(WorkerProcess::captureFailures).sum();
        int validationErrors = simulator.errors().size();

        if (maxInSecond > options.rate()) {
            fail(maxInSecond + " requests (pushes and reads) arrived within one sliding second; the limit is " + options.rate());
        }
        if (overLimit > 0) {
            fail(overLimit + " requests were refused by the simulator's own rate limit (429 rate-limited)");
        }
        if (dead > 0) {
            fail(dead + " DEAD outbox rows, although every entity of the soak is healthy");
        }
        if (open > 0) {
            fail(open + " outbox rows still open after the drain: stuck");
        }
        if (captureFailures > 0) {
            fail(captureFailures + " capture failures reported by the instances");
        }
        if (validationErrors > 0) {
            fail(validationErrors + " records refused by the simulator's validation: " + simulator.errors().get(0));
        }
        long slowestClose = everyWorker.stream().mapToLong(WorkerProcess::closeMillis).max().orElse(-1);
        if (slowestClose > SHUTDOWN_TIMEOUT.plusSeconds(5).toMillis()) {
            fail("closing a SessionFactory took " + slowestClose + " ms; ometria.shutdown-timeout is "
                    + SHUTDOWN_TIMEOUT.toSeconds() + " s");
        }
        if (state != null && !state.equal()) {
            fail("Ometria's final state differs from the database: " + state.countsByKind());
        }

        System.out.println();
        System.out.println("## Timeline");
        System.out.println();
        timeline.forEach(line -> System.out.println("- " + line));
        System.out.println();
        System.out.println("## Result");
        System.out.println();
        MarkdownTable table = new MarkdownTable("what", "measured");
        table.row("changing data / until drained", options.duration().toSeconds() + " s / " + total.toSeconds() + " s");
        table.row("transactions committed (both instances, every process)", String.format(Locale.ROOT, "%,d", committed));
        table.row("rolled back on purpose / failed on a collision between instances",
                rolledBack + " / " + collided + " " + failureClasses());
        table.row("graceful restarts", restarts);
        table.row("slowest SessionFactory close in a graceful stop (shutdown-timeout " + SHUTDOWN_TIMEOUT.toSeconds()
                + " s)", slowestClose + " ms");
        table.row("SIGKILL", timeline.stream().filter(line -> line.contains("SIGKILL")).findFirst().orElse("none"));
        if (expected != null) {
            table.row("entities in the database at the end", "contacts " + expected.liveCount("contact")
                    + ", products " + expected.liveCount("product") + ", orders " + expected.liveCount("order"));
            table.row("deleted during the run", "contacts " + expected.deletedCount("contact") + ", products "
                    + expected.deletedCount("product") + ", orders " + expected.deletedCount("order"));
        }
        table.row("push requests (all answers) / other requests (warm-up reads of GET /v2/push/_errors)",
                String.format(Locale.ROOT, "%,d / %,d", pushes.size(), otherCalls));
        table.row("answers", outcomes.toString());
        table.row("of which answered late (slow-answer fault, by delay)", slowAnswers.toString());
        Map<String, Long> acceptedBy = new TreeMap<>();
        for (RecordedRequest push : pushes) {
            if (push.requestId() != null) {
                acceptedBy.merge(senders.getOrDefault(push.requestId(), "unknown"), 1L, Long::sum);
            }
        }
        table.row("accepted requests by sending instance", acceptedBy.toString());
        table.row("records accepted (incl. repeats)", String.format(Locale.ROOT, "%,d", recordsAccepted));
        table.row("most requests (pushes and reads) in any sliding second (limit " + options.rate() + ")", maxInSecond);
        table.row("429 from the simulator's own rate limit", overLimit);
        table.row("outbox at the end (by status)", outbox == null ? "unreadable" : outbox.toString());
        table.row("DEAD rows / open rows", dead + " / " + open);
        table.row("simulator validation errors", validationErrors);
        table.row("capture failures", captureFailures);
        if (state != null) {
            table.row("live entities equal in Ometria, field by field", state.equalRecords() + " of " + state.liveEntities());
            table.row("lost (in the database, absent in Ometria)", state.lost());
            table.row("deleted orders/products deactivated in Ometria", state.deactivatedDeletes());
            table.row("deleted contacts (not compared: no delete for contacts)", state.deletedContacts());
            table.row("mismatches", state.mismatches().size() + " " + state.countsByKind());
        }
        table.row("load", load.summary());
        System.out.println(table);
        List<RateCheck.Arrival> arrivals = every.stream()
                .map(request -> new RateCheck.Arrival(request.arrival(),
                        (request.isPush() ? "" : "GET " + request.path() + ": ") + request.outcome() + sender(request))).toList();
        List<List<RateCheck.Arrival>> bursts = RateCheck.overLimit(arrivals, Duration.ofSeconds(1), options.rate());
        if (!bursts.isEmpty()) {
            System.out.println("Seconds over the limit (arrival at the simulator, mm:ss.SSS since the start):");
            for (List<RateCheck.Arrival> burst : bursts.subList(0, Math.min(20, bursts.size()))) {
                StringBuilder line = new StringBuilder("- " + burst.size() + " requests:");
                for (RateCheck.Arrival arrival : burst) {
                    line.append(' ').append(sinceStart(arrival.arrival())).append(" (").append(arrival.outcome()).append(')');
                }
                System.out.println(line);
            }
            System.out.println();
        }
        if (state != null && !state.mismatches().isEmpty()) {
            System.out.println("First mismatches:");
            state.mismatches().stream().limit(30).map(Mismatch::toString).forEach(line -> System.out.println("- " + line));
            printDeadLetters(observed);
        } else if (dead > 0) {
            printDeadLetters(observed);
        }
        System.out.println();
        System.out.println("Worker logs: " + options.logDirectory().toAbsolutePath());
        if (failures.isEmpty()) {
            System.out.println("SOAK PASSED: Ometria ends equal to the database, nothing lost, no second over the"
                    + " limit, nothing dead, nothing stuck.");
            return true;
        }
        System.out.println("SOAK FAILED:");
        failures.forEach(failure -> System.out.println("- " + failure));
        return false;
    }

    /** @return " from A2" when the request was accepted and its sender said so, else "" */
    private String sender(RecordedRequest push) {
        String name = push.requestId() == null ? null : senders.get(push.requestId());
        return name == null ? "" : " from " + name;
    }

    private String failureClasses() {
        Map<String, Long> byClass = new TreeMap<>();
        for (WorkerProcess worker : everyWorker) {
            String status = worker.lastStatus();
            int at = status.indexOf("failures={");
            if (at < 0) {
                continue;
            }
            String inner = status.substring(at + "failures={".length(), status.indexOf('}', at));
            for (String pair : inner.split(",")) {
                String[] parts = pair.split("=");
                if (parts.length == 2) {
                    byClass.merge(parts[0], Long.parseLong(parts[1]), Long::sum);
                }
            }
        }
        return byClass.isEmpty() ? "" : byClass.toString();
    }

    private static void printDeadLetters(OmetriaSync observed) {
        try {
            for (DeadLetter letter : observed.deadLetters().list(10)) {
                System.out.println("- dead letter: " + letter);
            }
        } catch (RuntimeException e) {
            System.out.println("- dead letters unreadable: " + e);
        }
    }

    private void fail(String failure) {
        failures.add(failure);
        event("FAILURE: " + failure);
    }

    private void event(String what) {
        String line = clock() + " " + what;
        timeline.add(line);
        System.out.println("  [" + clock() + "] " + what);
    }

    private long elapsed() {
        return System.nanoTime() - startNanos;
    }

    private String clock() {
        long seconds = Duration.ofNanos(elapsed()).toSeconds();
        return String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }

    private String sinceStart(Instant instant) {
        long millis = Duration.between(startInstant, instant).toMillis();
        return String.format(Locale.ROOT, "%02d:%02d.%03d", millis / 60_000, millis / 1000 % 60, millis % 1000);
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%,d ms", duration.toMillis());
    }
}
