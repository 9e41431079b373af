package dev.ometriasync.hibernate.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test class path in a separate JVM, and collects its output lines. */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                    Files.writeString(log, line + "\n", StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code mainClass} with the given system properties.
     *
     * @param mainClass the class to run
     * @param properties passed as {@code -Dkey=value}
     * @return the running child
     */
    public static ChildJvm start(Class<?> mainClass, Map<String, String> properties) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add(mainClass.getName());
        Path log = Files.createTempFile("ometria-child-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new ChildJvm(process, log);
    }

    public boolean printed(String text) {
        return lines.stream().anyMatch(line -> line.contains(text));
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int waitForExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("child JVM did not exit within " + seconds + " s; output in " + log);
        }
        return process.exitValue();
    }

    /** Kills the child without any shutdown hook (SIGKILL). */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    public String output() {
        return String.join("\n", lines) + "\n(log: " + log + ")";
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
