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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A backlog of distinct contact records pushed through {@link OmetriaPipeline} to an {@link OmetriaSimulator}
 * that enforces the account's rate (4 and 8 requests per sliding second, Ometria's default backlog cap of
 * 50,000 records a minute). The records are serialized from entities before the clock starts (the backlog
 * exists); the clock runs from the first {@code submit} until the last record's outcome. Reports records/s
 * against the ceiling (rate × 100), mean records per request and 429s.
 */
public final class ThroughputHarness {

    private static final String USAGE = """
            benchmarks/run.sh throughput [--records 100000] [--rates 4,8] [--trace 0]
              --trace N   also print the first N push requests (arrival, records, status) and every 429
            """;

    private ThroughputHarness() {
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
        int records = options.integer("records", 100_000);
        System.out.println("# throughput: " + MachineInfo.describe());
        System.out.println("# start: " + MachineInfo.load());
        List<OmetriaRecord> backlog = new ArrayList<>(records);
        for (int i = 1; i <= records; i++) {
            backlog.add(OmetriaRecords.toRecord(BenchData.contact(i), null));
        }
        MarkdownTable table = new MarkdownTable("rate limit", "backlog", "elapsed", "records/s", "ceiling",
                "÷ ceiling", "records/request", "requests", "429s", "max req in any 1 s", "target ≥ 97 %, 0 × 429");
        for (String rateText : options.string("rates", "4,8").split(",")) {
            int rate = Integer.parseInt(rateText.trim());
            table.row(run(backlog, rate, options.integer("trace", 0)));
            System.out.println("# after " + rate + "/s: " + MachineInfo.load());
        }
        System.out.println("# end: " + MachineInfo.load());
        System.out.println();
        System.out.println(table);
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

    private static Object[] run(List<OmetriaRecord> backlog, int rate, int trace) throws Exception {
        AtomicInteger rateLimitedCallbacks = new AtomicInteger();
        AtomicLong lastOutcomeNanos = new AtomicLong();
        OmetriaListener listener = new OmetriaListener() {
            @Override
            public void rateLimited(Duration pause, boolean retryAfterHint) {
                rateLimitedCallbacks.incrementAndGet();
            }
        };
        try (OmetriaSimulator simulator = OmetriaSimulator.builder().requestsPerSecond(rate)
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
            double perSecond = accepted / elapsedSeconds;
            int ceiling = rate * 100;
            boolean met = perSecond >= 0.97 * ceiling && counts.rateLimited() == 0 && accepted == backlog.size();
            System.out.printf(Locale.ROOT, "# %d/s: %d of %d accepted in %.1f s; simulator: %d requests, %d accepted "
                    + "holding %d records, span first..last accepted %.1f s, %d 429s; listener rateLimited %d%n",
                    rate, accepted, backlog.size(), elapsedSeconds, counts.pushRequests(), counts.acceptedRequests(),
                    counts.recordsAccepted(), counts.acceptedSpan().toMillis() / 1000.0, counts.rateLimited(),
                    rateLimitedCallbacks.get());
            return new Object[] {rate + " req/s", String.format(Locale.ROOT, "%,d", backlog.size()),
                String.format(Locale.ROOT, "%.1f s", elapsedSeconds),
                String.format(Locale.ROOT, "%.1f", perSecond),
                String.valueOf(ceiling),
                String.format(Locale.ROOT, "%.1f %%", 100 * perSecond / ceiling),
                String.format(Locale.ROOT, "%.1f", counts.recordsPerRequest()),
                String.valueOf(counts.pushRequests()),
                String.valueOf(counts.rateLimited()),
                String.valueOf(counts.maxInAnySecond()),
                met ? "met" : "missed"};
        }
    }
}
