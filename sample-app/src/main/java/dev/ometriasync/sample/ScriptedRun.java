package dev.ometriasync.sample;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * The sample's default run after the historic import: the live changes, what Ometria holds for each
 * changed entity next to the database, a check of every synced entity, and the report.
 */
final class ScriptedRun {

    /**
     * What the run found.
     *
     * @param live what the live changes did
     * @param verification per entity class, the comparison of every row with Ometria (empty for a real account)
     * @param liveReport the requests of the live phase
     */
    record Result(LiveChanges.Result live, Map<Class<?>, StateComparison.TypeResult> verification, PushReport liveReport) {

        /** @return whether Ometria holds exactly the database for every entity (always false for a real account) */
        boolean verified() {
            return !verification.isEmpty() && verification.values().stream().allMatch(StateComparison.TypeResult::allMatch)
                    && live.requestsWithRolledBackProduct() == 0;
        }
    }

    private ScriptedRun() {
    }

    static Result run(SampleShop sample) {
        PrintStream out = sample.out();
        boolean simulated = sample.target().isSimulated();
        int liveStart = sample.pushRequestsSoFar();

        out.println();
        out.println("3. Live changes, each committed and followed until it reached Ometria");
        LiveChanges.Result live = new LiveChanges(sample).run();
        PushReport liveReport = sample.report("live changes", liveStart);

        out.println();
        out.println(simulated ? "4. What Ometria holds now, next to the database (* marks a difference)"
                : "4. What the database holds for the changed entities (a real account's state cannot be read back)");
        SideBySideView view = new SideBySideView(out);
        for (EntityRef ref : live.changed()) {
            view.print(sample.comparison().compare(ref), simulated, ref.why());
        }

        Map<Class<?>, StateComparison.TypeResult> verification = Map.of();
        if (simulated) {
            out.println();
            out.println("5. Every synced entity: the full record serialized from its row against Ometria's merged record");
            long start = System.nanoTime();
            verification = sample.comparison().compareAll();
            verification.values().forEach(result -> printVerification(out, result, view));
            out.printf(Locale.ROOT, "   (%d rows compared in %.1f s)%n",
                    verification.values().stream().mapToInt(StateComparison.TypeResult::compared).sum(),
                    SampleShop.seconds(start));
        }
        Result result = new Result(live, verification, liveReport);
        if (simulated) {
            out.println(result.verified()
                    ? "   VERIFIED: Ometria's state equals the database for every synced entity."
                    : "   NOT VERIFIED: see the differences above.");
        }
        return result;
    }

    private static void printVerification(PrintStream out, StateComparison.TypeResult result, SideBySideView view) {
        out.printf(Locale.ROOT, "   %-14s %4d rows, %4d %s records in Ometria: %s%n", result.entity(), result.compared(),
                result.heldByOmetria(), result.recordType() == null ? "-" : result.recordType(),
                result.allMatch() ? "all identical" : result.mismatches().size() + " differ");
        result.mismatches().stream().limit(3).forEach(m -> view.print(m, true, "differs"));
    }
}
