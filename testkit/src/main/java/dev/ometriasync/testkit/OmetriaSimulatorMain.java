package dev.ometriasync.testkit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own until the process is stopped:
 * {@code java -jar ometria-sync-testkit-<version>-standalone.jar --port 8089 --rps 4}. Prints the URLs it
 * listens on. Options:
 * <pre>
 *   --port N            HTTP port (default 0: any free port)
 *   --https-port N      HTTPS port (default 0: any free port)
 *   --no-https          do not start the HTTPS listener
 *   --cert-out FILE     write the generated certificate (PEM) to FILE, for curl --cacert
 *   --api-key KEY       the key X-Ometria-Auth must hold (default simulator-api-key)
 *   --rps N             push requests per sliding second (default 8)
 *   --retry-after       send Retry-After on 429
 *   --auth-status N     401 (default) or 403 for a missing or wrong key
 *   --help              this text
 * </pre>
 */
public final class OmetriaSimulatorMain {

    static final String USAGE = """
            Usage: java -jar ometria-sync-testkit-<version>-standalone.jar [options]
              --port N            HTTP port (default 0: any free port)
              --https-port N      HTTPS port (default 0: any free port)
              --no-https          do not start the HTTPS listener
              --cert-out FILE     write the generated certificate (PEM) to FILE, for curl --cacert
              --api-key KEY       the key X-Ometria-Auth must hold (default simulator-api-key)
              --rps N             push requests per sliding second (default 8)
              --retry-after       send Retry-After on 429
              --auth-status N     401 (default) or 403 for a missing or wrong key
              --help              this text
            """;

    private OmetriaSimulatorMain() {
    }

    /**
     * Starts the simulator and blocks until the JVM stops.
     *
     * @param args options, see the class documentation
     */
    public static void main(String[] args) throws InterruptedException {
        OmetriaSimulator simulator;
        try {
            simulator = start(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (simulator == null) {
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "ometria-simulator-shutdown"));
        stopped.await();
    }

    /**
     * Parses the options, starts the simulator and prints where it listens.
     *
     * @return the running simulator, or null when only help was asked for
     * @throws IllegalArgumentException for a bad option, with a message saying which
     */
    static OmetriaSimulator start(String[] args, PrintStream out) {
        OmetriaSimulator.Builder builder = OmetriaSimulator.builder();
        Path certOut = null;
        boolean keyGiven = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--help", "-h" -> {
                    out.print(USAGE);
                    return null;
                }
                case "--port" -> builder.port(intValue(args, ++i, option));
                case "--https-port" -> builder.httpsPort(intValue(args, ++i, option));
                case "--no-https" -> builder.https(false);
                case "--cert-out" -> certOut = Path.of(value(args, ++i, option));
                case "--api-key" -> {
                    builder.apiKey(value(args, ++i, option));
                    keyGiven = true;
                }
                case "--rps" -> builder.requestsPerSecond(intValue(args, ++i, option));
                case "--retry-after" -> builder.sendRetryAfter(true);
                case "--auth-status" -> builder.authFailureStatus(intValue(args, ++i, option));
                default -> throw new IllegalArgumentException("Unknown option: " + option);
            }
        }
        OmetriaSimulator simulator = builder.start();
        out.println("OmetriaSimulator listening on " + simulator.baseUri() + " (port " + simulator.port() + ")");
        try {
            if (certOut != null) {
                Files.writeString(certOut, simulator.certificatePem(), StandardCharsets.US_ASCII);
                out.println("Certificate written to " + certOut.toAbsolutePath());
            }
        } catch (IOException | IllegalStateException e) {
            simulator.close();
            throw new IllegalArgumentException("Could not write the certificate to " + certOut + ": " + e.getMessage(), e);
        }
        try {
            out.println("OmetriaSimulator listening on " + simulator.httpsBaseUri() + " (https port "
                    + simulator.httpsPort() + ", self-signed certificate)");
        } catch (IllegalStateException httpsOff) {
            // --no-https: nothing more to print
        }
        // A key the user chose may be a real one: print only the default.
        out.println("API key (X-Ometria-Auth): " + (keyGiven ? "as given with --api-key" : simulator.apiKey()));
        out.println("Endpoints: POST /v2/push, GET /v2/push/_errors. Stop with Ctrl+C.");
        out.flush();
        return simulator;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException("Option " + option + " needs a value");
        }
        return args[index];
    }

    private static int intValue(String[] args, int index, String option) {
        String text = value(args, index, option);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option " + option + " needs a whole number, got '" + text + "'");
        }
    }
}
