package dev.ometriasync.benchmarks.coalescing;

import dev.ometriasync.benchmarks.model.BenchContact;
import dev.ometriasync.benchmarks.model.BenchData;
import dev.ometriasync.benchmarks.report.MachineInfo;
import dev.ometriasync.benchmarks.report.MarkdownTable;
import dev.ometriasync.benchmarks.support.Args;
import dev.ometriasync.benchmarks.support.PushCounts;
import dev.ometriasync.benchmarks.support.Quiet;
import dev.ometriasync.runtime.OmetriaPipeline;
import dev.ometriasync.runtime.OmetriaRecords;
import dev.ometriasync.runtime.Outcome;
import dev.ometriasync.runtime.Priority;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code --updates} partial updates (a new e-mail and first name) spread round-robin over {@code --hot} contacts
 * within {@code --seconds}, submitted to {@link OmetriaPipeline} at a steady pace against the simulator at the
 * account's rate. Reports requests and records sent against one record per update, and checks that Ometria
 * ends up with every contact's last value (coalescing must never lose the newest change).
 */
public final class CoalescingHarness {

    private static final String USAGE = """
            benchmarks/run.sh coalescing [--updates 10000] [--hot 100] [--seconds 10] [--rate 4]
            """;

    private CoalescingHarness() {
    }

    /**
     * @param args see {@link #USAGE}
     * @throws Exception when interrupted
     */
    public static void main(String[] args) throws Exception {
        Quiet.logging();
        Args options = new Args(args);
        if (options.help()) {
            System.out.print(USAGE);
            return;
        }
        int updates = options.integer("updates", 10_000);
        int hot = options.integer("hot", 100);
        int seconds = options.integer("seconds", 10);
        int rate = options.integer("rate", 4);
        System.out.println("# coalescing: " + MachineInfo.describe());
        System.out.println("# start: " + MachineInfo.load());
        List<BenchContact> contacts = new ArrayList<>();
        for (int i = 1; i <= hot; i++) {
            contacts.add(BenchData.contact(i));
        }
        Set<String> changed = Set.of("email", "firstName");
        try (OmetriaSimulator simulator = OmetriaSimulator.builder().requestsPerSecond(rate)
                .keepRequestBodies(false).https(false).start();
             OmetriaPipeline pipeline = OmetriaPipeline.builder().apiKey(simulator.apiKey())
                     .endpoint(simulator.baseUri()).requestsPerSecond(rate).build()) {
            List<CompletableFuture<Outcome>> outcomes = new ArrayList<>(updates);
            long start = System.nanoTime();
            long spacing = TimeUnit.SECONDS.toNanos(seconds) / updates;
            for (int n = 0; n < updates; n++) {
                long due = start + n * spacing;
                long wait = due - System.nanoTime();
                if (wait > 1_000_000) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                BenchContact contact = contacts.get(n % hot);
                contact.setEmail("c" + contact.getId() + ".v" + n + "@example.com");
                contact.setFirstName("Ada" + n);
                outcomes.add(pipeline.submit(OmetriaRecords.toRecord(contact, changed), Priority.LIVE)
                        .toCompletableFuture());
            }
            double submitSeconds = (System.nanoTime() - start) / 1e9;
            CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).join();
            double drainedSeconds = (System.nanoTime() - start) / 1e9;
            simulator.awaitIdle(Duration.ofSeconds(30));
            long accepted = outcomes.stream().filter(f -> f.join().isAccepted()).count();
            int lastValueHeld = 0;
            for (BenchContact contact : contacts) {
                var stored = simulator.contact(BenchContact.COLLECTION, String.valueOf(contact.getId()));
                if (stored != null && contact.getEmail().equals(stored.path("email").asText())
                        && contact.getFirstName().equals(stored.path("firstname").asText())) {
                    lastValueHeld++;
                }
            }
            PushCounts counts = PushCounts.of(simulator);
            System.out.printf(Locale.ROOT, "# submitted %d updates in %.1f s, all outcomes after %.1f s, %d accepted; "
                    + "%d/%d contacts hold their last value in the simulator%n", updates, submitSeconds,
                    drainedSeconds, accepted, lastValueHeld, hot);
            System.out.println("# end: " + MachineInfo.load());
            System.out.println();
            MarkdownTable table = new MarkdownTable("updates", "hot entities", "submitted over", "rate limit",
                    "requests sent", "records sent", "records/request", "without coalescing",
                    "records saved", "429s", "last value held", "all outcomes after");
            table.row(String.format(Locale.ROOT, "%,d", updates), hot,
                    String.format(Locale.ROOT, "%.1f s", submitSeconds), rate + " req/s",
                    counts.pushRequests(), String.format(Locale.ROOT, "%,d", counts.recordsAccepted()),
                    String.format(Locale.ROOT, "%.1f", counts.recordsPerRequest()),
                    String.format(Locale.ROOT, "%,d records, ≥ %d requests", updates, (updates + 99) / 100),
                    String.format(Locale.ROOT, "%.1f %%", 100.0 * (updates - counts.recordsAccepted()) / updates),
                    counts.rateLimited(), lastValueHeld + " / " + hot,
                    String.format(Locale.ROOT, "%.1f s", drainedSeconds));
            System.out.println(table);
        }
    }
}
