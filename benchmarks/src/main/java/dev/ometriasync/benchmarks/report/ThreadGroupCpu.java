package dev.ometriasync.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's native threads, grouped by what they are, read from Linux's
 * {@code /proc/self/task/<tid>/schedstat} (nanoseconds on the CPU) and {@code comm} (the thread's name, cut to 15
 * characters). Unlike {@code ThreadMXBean} it also sees the JIT compiler and GC threads. A thread that ended between two
 * snapshots is not in the later one: its CPU shows up as {@link #ENDED}, the process total minus the live threads'.
 * Empty on systems without {@code /proc}.
 */
public final class ThreadGroupCpu {

    /** The group of CPU time of threads that ended between two snapshots (the HTTP client's short-lived threads). */
    public static final String ENDED = "threads that ended";

    private final Map<String, Long> byThread;
    private final long processNanos;

    private ThreadGroupCpu(Map<String, Long> byThread, long processNanos) {
        this.byThread = byThread;
        this.processNanos = processNanos;
    }

    /**
     * @param processNanos the process's CPU time now (from {@code OperatingSystemMXBean})
     * @return the CPU time of every live thread now, by task id and name
     */
    public static ThreadGroupCpu snapshot(long processNanos) {
        Map<String, Long> byThread = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (Files.isDirectory(tasks)) {
            try (Stream<Path> list = Files.list(tasks)) {
                list.forEach(task -> {
                    try {
                        String name = Files.readString(task.resolve("comm")).trim();
                        String schedstat = Files.readString(task.resolve("schedstat")).trim();
                        long nanos = Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
                        byThread.put(task.getFileName() + " " + name, nanos);
                    } catch (IOException | RuntimeException e) {
                        // the thread ended while we looked: its time counts as ended
                    }
                });
            } catch (IOException e) {
                // no /proc: an empty snapshot
            }
        }
        return new ThreadGroupCpu(byThread, processNanos);
    }

    /**
     * @param before the earlier snapshot
     * @return CPU nanoseconds spent between the two snapshots, per group, largest first
     */
    public Map<String, Long> since(ThreadGroupCpu before) {
        Map<String, Long> groups = new HashMap<>();
        long live = 0;
        for (Map.Entry<String, Long> thread : byThread.entrySet()) {
            long spent = thread.getValue() - before.byThread.getOrDefault(thread.getKey(), 0L);
            live += spent;
            groups.merge(group(thread.getKey().substring(thread.getKey().indexOf(' ') + 1)), spent, Long::sum);
        }
        groups.merge(ENDED, Math.max(0, processNanos - before.processNanos - live), Long::sum);
        Map<String, Long> sorted = new LinkedHashMap<>();
        groups.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    /**
     * CPU time so far of every process on the machine named {@code postgres} (the embedded server and its backends), from
     * {@code /proc/<pid>/stat}; 0 without {@code /proc}. Clock ticks of 10 ms: meaningful over seconds, not for one commit.
     *
     * @return nanoseconds
     */
    public static long postgresNanos() {
        long ticks = 0;
        try (Stream<Path> list = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) list::iterator) {
                if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
                        continue;
                    }
                    String[] fields = stat.substring(close + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                } catch (IOException | RuntimeException e) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * 10_000_000L;
    }

    /** What a thread is, from its (truncated) name. */
    static String group(String name) {
        if (name.startsWith("ometria-simulat") || name.startsWith("HTTP-Dispatcher")) {
            return "simulator";
        }
        if (name.startsWith("ometria-")) {
            return "ometria-sync";
        }
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "JIT compiler";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
            return "GC and VM";
        }
        if (name.startsWith("HttpClient") || name.startsWith("Thread-")) {
            return "HTTP client";
        }
        if (name.equals("java")) {
            // the launcher runs main() on a new native thread named after the executable, not "main"
            return "committing thread";
        }
        return "other";
    }
}
