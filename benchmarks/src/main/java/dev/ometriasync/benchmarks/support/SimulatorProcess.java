package dev.ometriasync.benchmarks.support;

import dev.ometriasync.testkit.OmetriaSimulator;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An {@link OmetriaSimulator} in a child JVM, so that the records it keeps (a million contacts take gigabytes)
 * stay out of the heap a harness measures. The child prints its port, then answers {@code stats} on stdin with
 * one line of counts and stops on {@code quit} or when its stdin closes.
 */
public final class SimulatorProcess implements Closeable {

    private final Process process;
    private final BufferedReader out;
    private final PrintStream in;
    private final URI baseUri;

    private SimulatorProcess(Process process) throws IOException {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String line = out.readLine();
        if (line == null || !line.startsWith("PORT ")) {
            process.destroy();
            throw new IOException("the simulator child did not start: " + line);
        }
        this.baseUri = URI.create("http://127.0.0.1:" + line.substring(5).trim());
    }

    /**
     * Starts a simulator child JVM on this JVM's class path.
     *
     * @param requestsPerSecond push requests admitted per sliding second
     * @param backlogPerMinute records admitted per minute before 429 (Ometria's documented 50,000 by default)
     * @param heap the child's {@code -Xmx}, such as {@code 4g}
     * @return the running child
     * @throws IOException when it cannot start
     */
    public static SimulatorProcess start(int requestsPerSecond, int backlogPerMinute, String heap) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SimulatorProcess.class.getName());
        command.add(String.valueOf(requestsPerSecond));
        command.add(String.valueOf(backlogPerMinute));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new SimulatorProcess(process);
    }

    /** @return the simulator's HTTP address */
    public URI baseUri() {
        return baseUri;
    }

    /** @return the simulator's API key */
    public String apiKey() {
        return OmetriaSimulator.DEFAULT_API_KEY;
    }

    /**
     * @return one line: push requests, accepted requests, records accepted, 429s, records stored
     * @throws UncheckedIOException when the child is gone
     */
    public String stats() {
        in.println("stats");
        try {
            String line = out.readLine();
            if (line == null) {
                throw new IOException("the simulator child exited");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        in.println("quit");
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The child's entry point.
     *
     * @param args requests per second, backlog records per minute
     * @throws IOException when stdin fails
     */
    public static void main(String[] args) throws IOException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        try (OmetriaSimulator simulator = OmetriaSimulator.builder()
                .requestsPerSecond(Integer.parseInt(args[0]))
                .backlogCap(Integer.parseInt(args[1]), Duration.ofMinutes(1))
                .keepRequestBodies(false)
                .https(false)
                .start()) {
            System.out.println("PORT " + simulator.port());
            System.out.flush();
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String command;
            while ((command = commands.readLine()) != null && !command.equals("quit")) {
                if (command.equals("stats")) {
                    PushCounts counts = PushCounts.of(simulator);
                    System.out.println("requests=" + counts.pushRequests() + " accepted=" + counts.acceptedRequests()
                            + " records=" + counts.recordsAccepted() + " rateLimited=" + counts.rateLimited()
                            + " stored=" + simulator.recordCount() + " maxPerSecond=" + counts.maxInAnySecond());
                    System.out.flush();
                }
            }
        }
    }
}
