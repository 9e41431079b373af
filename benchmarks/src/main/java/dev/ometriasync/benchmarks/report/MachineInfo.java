package dev.ometriasync.benchmarks.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One line describing where a measurement ran: cores, JDK, and the system load averages, which the harnesses
 * print before and after each run because the machine may be shared.
 */
public final class MachineInfo {

    private MachineInfo() {
    }

    /** @return cores, JDK vendor and version, OS */
    public static String describe() {
        return String.format(Locale.ROOT, "%d cores, %s %s (%s), %s %s",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vendor"),
                System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** @return the 1, 5 and 15 minute load averages (from /proc/loadavg where available) */
    public static String load() {
        Path loadavg = Path.of("/proc/loadavg");
        if (Files.isReadable(loadavg)) {
            try {
                String[] parts = Files.readString(loadavg).trim().split("\\s+");
                return "load average " + parts[0] + ", " + parts[1] + ", " + parts[2];
            } catch (IOException e) {
                // fall through to the JMX figure
            }
        }
        return String.format(Locale.ROOT, "load average %.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
