package dev.ometriasync.benchmarks.serializer;

import dev.ometriasync.benchmarks.model.BenchContact;
import dev.ometriasync.benchmarks.model.BenchData;
import dev.ometriasync.benchmarks.model.BenchOrder;
import dev.ometriasync.benchmarks.report.MachineInfo;
import dev.ometriasync.benchmarks.report.MarkdownTable;
import dev.ometriasync.benchmarks.support.Args;
import dev.ometriasync.runtime.OmetriaSerializers;
import dev.ometriasync.spi.OmetriaSerializer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A cross-check of {@link SerializerBenchmark} that holds up on a busy machine: it measures the thread's
 * <em>CPU time</em> per record, end to end (entity to request body, {@link EndToEnd}), rather than wall-clock throughput, and interleaves the six writers in short
 * slices, round after round, so that load from other processes falls on all of them alike. Reports the median
 * of the rounds. JMH remains the reference for allocation and for a quiet machine; this answers "how much CPU
 * does one record cost" when the machine is shared.
 */
public final class SerializerCpuTimeMain {

    private static final String USAGE = """
            benchmarks/run.sh serializer-cpu [--warmup-rounds 20] [--rounds 30] [--slice-ms 200]
            """;

    /** The time budget of one record at the default ceiling, 400 records/s. */
    private static final double BUDGET_NANOS = 2_500_000;

    private static volatile long sink;

    private SerializerCpuTimeMain() {
    }

    /** @param args see {@link #USAGE} */
    public static void main(String[] args) {
        Args options = new Args(args);
        if (options.help()) {
            System.out.print(USAGE);
            return;
        }
        int warmupRounds = options.integer("warmup-rounds", 20);
        int rounds = options.integer("rounds", 30);
        long sliceNanos = options.integer("slice-ms", 200) * 1_000_000L;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        System.out.println("# serializer CPU time: " + MachineInfo.describe());
        System.out.println("# start: " + MachineInfo.load());

        EndToEnd endToEnd = new EndToEnd();
        BenchContact contact = BenchData.contact(42);
        BenchOrder order = BenchData.order("ORD-42", 10);
        OmetriaSerializer<BenchContact> generatedContact = OmetriaSerializers.of(contact);
        OmetriaSerializer<BenchOrder> generatedOrder = OmetriaSerializers.of(order);
        OmetriaSerializer<BenchContact> handContact = HandWrittenSerializer.contact();
        OmetriaSerializer<BenchOrder> handOrder = HandWrittenSerializer.order();
        Map<String, Supplier<byte[]>> cases = new LinkedHashMap<>();
        cases.put("contact/generated", () -> endToEnd.throughSerializer(generatedContact, contact));
        cases.put("contact/databind", () -> endToEnd.throughDatabind(contact));
        cases.put("contact/hand-written", () -> endToEnd.throughSerializer(handContact, contact));
        cases.put("order/generated", () -> endToEnd.throughSerializer(generatedOrder, order));
        cases.put("order/databind", () -> endToEnd.throughDatabind(order));
        cases.put("order/hand-written", () -> endToEnd.throughSerializer(handOrder, order));

        Map<String, List<Double>> nanosPerOp = new LinkedHashMap<>();
        for (int round = 0; round < warmupRounds + rounds; round++) {
            List<String> order1 = new ArrayList<>(cases.keySet());
            // rotate the order each round so no writer always runs right after the same neighbour
            java.util.Collections.rotate(order1, round % order1.size());
            for (String name : order1) {
                double value = slice(cases.get(name), sliceNanos, threads);
                if (round >= warmupRounds) {
                    nanosPerOp.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                }
            }
        }
        System.out.println("# end: " + MachineInfo.load());
        System.out.println();
        MarkdownTable table = new MarkdownTable("record", "writer", "CPU ns/op (median of " + rounds + ")",
                "p25–p75", "speed × databind", "speed × hand-written", "share of 2.5 ms");
        for (String record : new String[] {"contact", "order"}) {
            double databind = median(nanosPerOp.get(record + "/databind"));
            double hand = median(nanosPerOp.get(record + "/hand-written"));
            for (String writer : new String[] {"generated", "databind", "hand-written"}) {
                List<Double> values = nanosPerOp.get(record + "/" + writer);
                double median = median(values);
                table.row(record.equals("contact") ? "contact (15 fields)" : "order (10 lines)", writer,
                        String.format(Locale.ROOT, "%,.0f", median),
                        String.format(Locale.ROOT, "%,.0f–%,.0f", percentile(values, 25), percentile(values, 75)),
                        String.format(Locale.ROOT, "%.2f", databind / median),
                        String.format(Locale.ROOT, "%.2f", hand / median),
                        String.format(Locale.ROOT, "%.4f %%", 100 * median / BUDGET_NANOS));
            }
        }
        System.out.println(table);
    }

    /** Runs one writer for a slice of wall time and returns its CPU nanoseconds per record. */
    private static double slice(Supplier<byte[]> writer, long sliceNanos, ThreadMXBean threads) {
        long ops = 0;
        long bytes = 0;
        long wallEnd = System.nanoTime() + sliceNanos;
        long cpuStart = threads.getCurrentThreadCpuTime();
        while (System.nanoTime() < wallEnd) {
            for (int i = 0; i < 64; i++) {
                bytes += writer.get().length;
            }
            ops += 64;
        }
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        sink += bytes;
        return (double) cpu / ops;
    }

    private static double median(List<Double> values) {
        return percentile(values, 50);
    }

    private static double percentile(List<Double> values, int percent) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[(int) Math.round((sorted.length - 1) * percent / 100.0)];
    }
}
