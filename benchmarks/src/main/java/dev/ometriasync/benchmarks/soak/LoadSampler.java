package dev.ometriasync.benchmarks.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Samples the machine's 1-minute load average every few seconds, for the report. */
final class LoadSampler implements AutoCloseable {

    private final List<Double> samples = new ArrayList<>();
    private final Thread thread;

    LoadSampler(long everyMillis) {
        thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sample();
                try {
                    Thread.sleep(everyMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "soak-load");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        try {
            double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
            synchronized (samples) {
                samples.add(load);
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: the report says so
        }
    }

    /** @return min, median and max of the samples, or a note that there were none */
    String summary() {
        List<Double> sorted;
        synchronized (samples) {
            sorted = new ArrayList<>(samples);
        }
        if (sorted.isEmpty()) {
            return "not available";
        }
        sorted.sort(Double::compare);
        return String.format(Locale.ROOT, "1-min load average min %.1f, median %.1f, max %.1f (%d samples)",
                sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), sorted.size());
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
