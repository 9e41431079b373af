package dev.ometriasync.benchmarks.throughput;

import dev.ometriasync.benchmarks.model.BenchData;
import dev.ometriasync.benchmarks.report.MachineInfo;
import dev.ometriasync.benchmarks.report.MarkdownTable;
import dev.ometriasync.benchmarks.support.Args;
import dev.ometriasync.benchmarks.support.PushCounts;
import dev.ometriasync.benchmarks.support.Quiet;
import dev.ometriasync.runtime.OmetriaListener;
import dev.ometriasync.runtime.OmetriaPipeline;
import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.OmetriaRecords;
import dev.ometriasync.runtime.Outcome;
import dev.ometriasync.runtime.Priority;
import dev.ometriasync.testkit.OmetriaSimulator;
import dev.ometriasync.testkit.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A backlog of distinct contact records pushed through {@link OmetriaPipeline} to an {@link OmetriaSimulator}
 * that enforces the account's rate exactly (4 and 8 push requests per sliding second, judged at each request's
 * arrival) with real network timing: every request is held a random 0–60 ms before the simulator sees it, and the
 * first request of each new connection 150 ms more (connection set-up). The records are serialized from entities
 * before the clock starts (the backlog exists); the clock runs from the first {@code submit} until the last record's
 * outcome. Each round starts a fresh simulator and pipeline (a cold start every time); rounds alternate the rates, so
 * that load changes on a shared machine spread over both. Reports every round and the median per rate: records/s
 * against the ceiling (rate × 100), records per request, 429s and the busiest sliding second at the simulator.
 */
public final class ThroughputHarness {

    private static final String USAGE = """
            benchmarks/run.sh throughput [--records 30000] [--rates 4,8] [--rounds 5] [--jitter-ms 60]
                                         [--new-connection-ms 150] [--trace 0]
              --jitter-ms N[,M]      each request waits a random 0..N ms before the simulator sees it; several
                                     values are measured side by side, interleaved in every round
              --new-connection-ms N  the first request of each connection waits N ms more
              --trace N              also print the first N push requests (arrival, records, status) and every 429
            """;

    private ThroughputHarness() {
    }

    /** One round's figures. */
    private record Round(int rate, long jitterMs, double elapsedSeconds, long accepted, int records, PushCounts counts,
                         double steadyOfCeiling, String load) {
        double perSecond() {
            return accepted / elapsedSeconds;
        }

        double ofCeiling() {
            return perSecond() / (rate * 100.0);
        }
    }

    /**
     * @param args see {@link #USAGE}
     * @throws Exception when the pipeline fails to drain
     */
    public static void main(String[] args) throws Exception {
        Quiet.logging();
        Args options = new Args(args);
        if (options.help()) {
            System.out.print(USAGE);
            return;
        }
        int records = options.integer("records", 30_000);
        int rounds = options.integer("rounds", 5);
        List<Long> jitters = new ArrayList<>();
        for (String jitterText : options.string("jitter-ms", "60").split(",")) {
            jitters.add(Long.parseLong(jitterText.trim()));
        }
        Duration newConnection = Duration.ofMillis(options.integer("new-connection-ms", 150));
        int trace = options.integer("trace", 0);
        System.out.println("# throughput: " + MachineInfo.describe());
        System.out.println("# network: 0-" + jitters + " ms per request, +" + newConnection.toMillis()
                + " ms on a new connection");
        System.out.println("# start: " + MachineInfo.load());
        List<OmetriaRecord> backlog = new ArrayList<>(records);
        for (int i = 1; i <= records; i++) {
            backlog.add(OmetriaRecords.toRecord(BenchData.contact(i), null));
        }
        List<Integer> rates = new ArrayList<>();
        for (String rateText : options.string("rates", "4,8").split(",")) {
            rates.add(Integer.parseInt(rateText.trim()));
        }
        MarkdownTable each = new MarkdownTable("round", "rate limit", "jitter", "elapsed", "records/s", "÷ ceiling",
                "steady ÷ ceiling", "records/request", "requests", "429s", "max req in any 1 s", "load before");
        Map<List<Long>, List<Round>> byRate = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (long jitterMs : jitters) {
                for (int rate : rates) {
                    String load = MachineInfo.load();
                    Round result = run(backlog, rate, jitterMs, newConnection, trace, load);
                    byRate.computeIfAbsent(List.of((long) rate, jitterMs), r -> new ArrayList<>()).add(result);
                    each.row(String.valueOf(round), rate + " req/s", "0–" + jitterMs + " ms",
                            String.format(Locale.ROOT, "%.1f s", result.elapsedSeconds()),
                            String.format(Locale.ROOT, "%.1f", result.perSecond()),
                            String.format(Locale.ROOT, "%.1f %%", 100 * result.ofCeiling()),
                            String.format(Locale.ROOT, "%.1f %%", 100 * result.steadyOfCeiling()),
                            String.format(Locale.ROOT, "%.1f", result.counts().recordsPerRequest()),
                            String.valueOf(result.counts().pushRequests()), String.valueOf(result.counts().rateLimited()),
                            String.valueOf(result.counts().maxInAnySecond()), load.replace("load average ", ""));
                }
            }
        }
        System.out.println("# end: " + MachineInfo.load());
        System.out.println();
        System.out.println(each);
        MarkdownTable summary = new MarkdownTable("rate limit", "jitter", "backlog", "rounds", "median records/s", "ceiling",
                "median ÷ ceiling", "range ÷ ceiling", "median steady ÷ ceiling", "records/request", "429s (all rounds)",
                "max req in any 1 s (all rounds)", "target ≥ 97 %, 0 × 429");
        for (Map.Entry<List<Long>, List<Round>> entry : byRate.entrySet()) {
            int rate = entry.getKey().get(0).intValue();
            List<Round> results = entry.getValue();
            double medianPerSecond = median(results.stream().mapToDouble(Round::perSecond).toArray());
            double medianOfCeiling = median(results.stream().mapToDouble(Round::ofCeiling).toArray());
            double min = results.stream().mapToDouble(Round::ofCeiling).min().orElse(0);
            double max = results.stream().mapToDouble(Round::ofCeiling).max().orElse(0);
            int limited = results.stream().mapToInt(r -> r.counts().rateLimited()).sum();
            int busiest = results.stream().mapToInt(r -> r.counts().maxInAnySecond()).max().orElse(0);
            boolean allAccepted = results.stream().allMatch(r -> r.accepted() == r.records());
            boolean met = medianOfCeiling >= 0.97 && limited == 0 && allAccepted;
            summary.row(rate + " req/s", "0–" + entry.getKey().get(1) + " ms", String.format(Locale.ROOT, "%,d", records),
                    String.valueOf(results.size()), String.format(Locale.ROOT, "%.1f", medianPerSecond),
                    String.valueOf(rate * 100),
                    String.format(Locale.ROOT, "%.1f %%", 100 * medianOfCeiling),
                    String.format(Locale.ROOT, "%.1f–%.1f %%", 100 * min, 100 * max),
                    String.format(Locale.ROOT, "%.1f %%", 100 * median(results.stream().mapToDouble(Round::steadyOfCeiling).toArray())),
                    String.format(Locale.ROOT, "%.1f", median(results.stream().mapToDouble(r -> r.counts().recordsPerRequest()).toArray())),
                    String.valueOf(limited), String.valueOf(busiest), met ? "met" : "missed");
        }
        System.out.println();
        System.out.println(summary);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * Accepted requests per second from the end of the first second's requests to the last one: {@code (n - rate)}
     * requests over the time from the {@code rate}-th arrival to the last. An idle account may send a whole
     * second's requests at once, which flatters short runs; this leaves that burst out.
     */
    private static double steadyRequestsPerSecond(List<RecordedRequest> pushes, int rate) {
        List<Instant> accepted = pushes.stream().filter(r -> r.status() == 200).map(RecordedRequest::arrival).sorted().toList();
        if (accepted.size() <= rate) {
            return 0;
        }
        double seconds = Duration.between(accepted.get(rate - 1), accepted.get(accepted.size() - 1)).toNanos() / 1e9;
        return seconds <= 0 ? 0 : (accepted.size() - rate) / seconds;
    }

    private static void printTrace(List<RecordedRequest> requests, int trace) {
        if (requests.isEmpty()) {
            return;
        }
        Instant first = requests.get(0).arrival();
        for (int i = 0; i < requests.size(); i++) {
            RecordedRequest request = requests.get(i);
            if (i < trace || request.status() == 429) {
                System.out.printf(Locale.ROOT, "#   request %d at +%d ms: %d records, status %d%n", i + 1,
                        Duration.between(first, request.arrival()).toMillis(), request.recordCount(), request.status());
            }
        }
    }

    private static Round run(List<OmetriaRecord> backlog, int rate, long jitterMs, Duration newConnection, int trace,
            String load) throws Exception {
        Duration jitter = Duration.ofMillis(jitterMs);
        AtomicInteger rateLimitedCallbacks = new AtomicInteger();
        AtomicLong lastOutcomeNanos = new AtomicLong();
        OmetriaListener listener = new OmetriaListener() {
            @Override
            public void rateLimited(Duration pause, boolean retryAfterHint) {
                rateLimitedCallbacks.incrementAndGet();
            }
        };
        try (OmetriaSimulator simulator = OmetriaSimulator.builder().requestsPerSecond(rate)
                .networkJitter(Duration.ZERO, jitter).newConnectionDelay(newConnection)
                .keepRequestBodies(false).https(false).start();
             OmetriaPipeline pipeline = OmetriaPipeline.builder()
                     .apiKey(simulator.apiKey())
                     .endpoint(simulator.baseUri())
                     .requestsPerSecond(rate)
                     .maxQueuedRecords(Math.max(backlog.size(), 100_000))
                     .maxQueuedBytes(512L * 1024 * 1024)
                     .listener(listener)
                     .build()) {
            List<CompletableFuture<Outcome>> outcomes = new ArrayList<>(backlog.size());
            long start = System.nanoTime();
            for (OmetriaRecord record : backlog) {
                outcomes.add(pipeline.submit(record, Priority.LIVE).toCompletableFuture()
                        .whenComplete((outcome, failure) -> lastOutcomeNanos.accumulateAndGet(System.nanoTime(),
                                Math::max)));
            }
            CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).join();
            double elapsedSeconds = (lastOutcomeNanos.get() - start) / 1e9;
            long accepted = outcomes.stream().filter(f -> f.join().isAccepted()).count();
            PushCounts counts = PushCounts.of(simulator);
            printTrace(simulator.pushRequests(), trace);
            System.out.printf(Locale.ROOT, "# %d/s, jitter 0-%d ms: %d of %d accepted in %.1f s (%.1f %% of the ceiling); simulator: %d"
                    + " requests, %d accepted holding %d records, span first..last accepted %.1f s, %d 429s, busiest"
                    + " second %d; listener rateLimited %d; %s%n",
                    rate, jitterMs, accepted, backlog.size(), elapsedSeconds, 100 * accepted / elapsedSeconds / (rate * 100.0),
                    counts.pushRequests(), counts.acceptedRequests(), counts.recordsAccepted(),
                    counts.acceptedSpan().toMillis() / 1000.0, counts.rateLimited(), counts.maxInAnySecond(),
                    rateLimitedCallbacks.get(), load);
            return new Round(rate, jitterMs, elapsedSeconds, accepted, backlog.size(), counts,
                    steadyRequestsPerSecond(simulator.pushRequests(), rate) / rate, load);
        }
    }
}
