package dev.ometriasync.benchmarks.soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The controller's handle on one {@link SoakWorker} JVM: started with {@link ProcessBuilder} on the controller's
 * own class path, its standard output kept in a log file and read for {@code STATUS} lines, stopped gracefully
 * through its standard input or killed with {@link Process#destroyForcibly()}.
 */
final class WorkerProcess {

    private static final Pattern NUMBER = Pattern.compile("(\\w+)=(-?\\d+)");

    private final String name;
    private final Process process;
    private final PrintStream commands;
    private final Path log;
    private final Map<String, String> senders;
    private volatile String lastStatus = "";
    private volatile boolean ready;
    private volatile boolean stopped;
    private volatile boolean paused;
    private volatile long committed;
    private volatile long rolledBack;
    private volatile long failed;
    private volatile long captureFailures;
    private volatile boolean active;
    private volatile long closeMillis = -1;

    private WorkerProcess(String name, Process process, Path log, Map<String, String> senders) {
        this.name = name;
        this.senders = senders;
        this.process = process;
        this.log = log;
        this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readOutput, "soak-worker-output-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * @param name the instance name, such as {@code A1}
     * @param workerArgs arguments of {@link SoakWorker#main}
     * @param systemProperties {@code -D} settings (the {@code ometria.*} properties)
     * @param logDirectory where the worker's output goes
     * @param senders where the worker notes, by {@code request_id}, each accepted request it sent
     * @return the started worker (not yet ready)
     * @throws IOException when the JVM cannot start
     */
    static WorkerProcess start(String name, List<String> workerArgs, Map<String, String> systemProperties,
                               Path logDirectory, Map<String, String> senders) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        command.add("-Dorg.slf4j.simpleLogger.log.org.hibernate.orm.connections.pooling=error");
        command.add("-Dorg.jboss.logging.provider=slf4j");
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SoakWorker.class.getName());
        command.addAll(workerArgs);
        Path log = logDirectory.resolve("worker-" + name + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .start();
        return new WorkerProcess(name, process, log, senders);
    }

    private void readOutput() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                     StandardOpenOption.APPEND)) {
            for (String line; (line = out.readLine()) != null; ) {
                file.write(line);
                file.write('\n');
                file.flush();
                if (line.startsWith("STATUS ")) {
                    parseStatus(line);
                } else if (line.startsWith("SENT ")) {
                    senders.put(line.substring(5).trim(), name);
                } else {
                    if (line.startsWith("READY")) {
                        ready = true;
                    } else if (line.startsWith("PAUSED")) {
                        paused = true;
                    } else if (line.startsWith("STOPPED")) {
                        Matcher close = NUMBER.matcher(line);
                        if (close.find()) {
                            closeMillis = Long.parseLong(close.group(2));
                        }
                        stopped = true;
                    }
                }
            }
        } catch (IOException ignored) {
            // the worker ended
        }
    }

    private void parseStatus(String line) {
        lastStatus = line;
        Matcher numbers = NUMBER.matcher(line);
        while (numbers.find()) {
            long value = Long.parseLong(numbers.group(2));
            switch (numbers.group(1)) {
                case "committed" -> committed = value;
                case "rolledBack" -> rolledBack = value;
                case "failed" -> failed = value;
                case "captureFailures" -> captureFailures = value;
                default -> {
                    // other figures are only logged
                }
            }
        }
        active = line.contains(" active=true");
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** @return whether it printed READY within the timeout (false also when it died) */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return ready;
    }

    /** Stops its changes; returns whether it confirmed within the timeout. */
    boolean pause(Duration timeout) throws InterruptedException {
        commands.println("pause");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!paused && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return paused;
    }

    /**
     * Asks for a graceful stop (changes end, the SessionFactory closes) and waits for the JVM to exit.
     *
     * @return how long the stop took, or null when it did not exit within the timeout (it is then killed)
     */
    Duration stopGracefully(Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        commands.println("stop");
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            return null;
        }
        return stopped && process.exitValue() == 0 ? Duration.ofNanos(System.nanoTime() - started) : null;
    }

    /**
     * Kills the JVM with {@link Process#destroyForcibly()}: SIGKILL on Linux, so no shutdown hook, no finally
     * block and no close of the SessionFactory runs.
     *
     * @return the exit value; 137 (128 + signal 9) proves it died of SIGKILL
     */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("worker " + name + " survived destroyForcibly() for 30 s");
        }
        return process.exitValue();
    }

    /** @return whether it said {@code STOPPED} (a killed worker must not have) */
    boolean saidStopped() {
        return stopped;
    }

    /** @return how long closing the SessionFactory took in a graceful stop, or -1 when it did not stop so */
    long closeMillis() {
        return closeMillis;
    }

    long committed() {
        return committed;
    }

    long rolledBack() {
        return rolledBack;
    }

    long failed() {
        return failed;
    }

    long captureFailures() {
        return captureFailures;
    }

    boolean activeRelay() {
        return active;
    }

    String lastStatus() {
        return lastStatus;
    }
}
