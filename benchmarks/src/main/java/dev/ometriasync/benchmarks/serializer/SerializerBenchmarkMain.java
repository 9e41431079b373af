package dev.ometriasync.benchmarks.serializer;

import dev.ometriasync.benchmarks.report.MachineInfo;
import dev.ometriasync.benchmarks.report.MarkdownTable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link SerializerBenchmark} with the GC profiler ({@code -prof gc}) and prints the markdown table of
 * BENCHMARKS.md: ops/s, bytes allocated per op, ratios to databind and to the hand-written writer, and the
 * serializer's CPU time per record as a share of the 2.5 ms one record has at 400 records/s. Any JMH
 * command-line option may be appended (for example {@code -f 1 -wi 3} for a quick look).
 */
public final class SerializerBenchmarkMain {

    /** The time budget of one record at the default ceiling: 4 requests/s × 100 records = 400 records/s. */
    private static final double BUDGET_NANOS = 2_500_000;

    private SerializerBenchmarkMain() {
    }

    /**
     * @param args optional JMH options
     * @throws RunnerException when JMH fails
     * @throws CommandLineOptionException when an option is malformed
     */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(SerializerBenchmark.class.getName() + "\\.")
                .addProfiler(GCProfiler.class)
                .build();
        System.out.println("# serializer JMH: " + MachineInfo.describe());
        System.out.println("# start: " + MachineInfo.load());
        Collection<RunResult> results = new Runner(options).run();
        System.out.println("# end: " + MachineInfo.load());
        System.out.println();
        System.out.println(table(results));
    }

    static String table(Collection<RunResult> results) {
        Map<String, RunResult> byName = new LinkedHashMap<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            byName.put(method.substring(method.lastIndexOf('.') + 1), result);
        }
        MarkdownTable table = new MarkdownTable("record", "writer", "ops/s (± 99.9% CI)", "B/op",
                "× databind", "× hand-written", "CPU/record", "share of 2.5 ms");
        for (String record : new String[] {"contact", "order"}) {
            RunResult databind = byName.get(record + "Databind");
            RunResult handWritten = byName.get(record + "HandWritten");
            for (String writer : new String[] {"Generated", "Databind", "HandWritten"}) {
                RunResult result = byName.get(record + writer);
                if (result == null) {
                    continue;
                }
                double score = result.getPrimaryResult().getScore();
                double nanosPerOp = 1e9 / score;
                table.row(record.equals("contact") ? "contact (15 fields)" : "order (10 lines)",
                        label(writer),
                        String.format(Locale.ROOT, "%,.0f ± %,.0f", score, result.getPrimaryResult().getScoreError()),
                        allocation(result),
                        ratio(score, databind),
                        ratio(score, handWritten),
                        String.format(Locale.ROOT, "%.2f µs", nanosPerOp / 1000),
                        String.format(Locale.ROOT, "%.3f %%", 100 * nanosPerOp / BUDGET_NANOS));
            }
        }
        return table.toString();
    }

    private static String label(String writer) {
        return switch (writer) {
            case "Generated" -> "generated serializer";
            case "Databind" -> "Jackson databind";
            default -> "hand-written streaming";
        };
    }

    private static String allocation(RunResult result) {
        Result<?> norm = result.getSecondaryResults().get("gc.alloc.rate.norm");
        return norm == null ? "n/a" : String.format(Locale.ROOT, "%,.0f", norm.getScore());
    }

    private static String ratio(double score, RunResult baseline) {
        if (baseline == null) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f", score / baseline.getPrimaryResult().getScore());
    }
}
