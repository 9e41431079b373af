package dev.ometriasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line entry point, started in-process. */
class OmetriaSimulatorMainTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void startsPrintsItsPortAndServesPushes(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("simulator.pem");
        try (OmetriaSimulator simulator = OmetriaSimulatorMain.start(
                new String[] {"--api-key", "cli-key", "--rps", "3", "--cert-out", cert.toString()}, out)) {
            String text = printed.toString(StandardCharsets.UTF_8);
            Matcher port = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+) \\(port (\\d+)\\)").matcher(text);

            assertThat(port.find()).as(text).isTrue();
            assertThat(Integer.parseInt(port.group(1))).isEqualTo(simulator.port());
            assertThat(text).contains("https://127.0.0.1:" + simulator.httpsPort())
                    .contains("as given with --api-key").doesNotContain("cli-key");
            assertThat(Files.readString(cert)).isEqualTo(simulator.certificatePem());
            assertThat(simulator.apiKey()).isEqualTo("cli-key");
            assertThat(simulator.toString()).contains("requestsPerSecond=3,").doesNotContain("cli-key");
            assertThat(new PushClient(simulator).push(PushClient.orders("M", 1)).statusCode()).isEqualTo(200);
            assertThat(simulator.record("order", "M0")).isNotNull();
        }
    }

    @Test
    void usesTheRequestedPortAndPrintsTheDefaultKey() throws Exception {
        int free;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            free = socket.getLocalPort();
        }
        try (OmetriaSimulator simulator = OmetriaSimulatorMain.start(
                new String[] {"--port", Integer.toString(free), "--no-https"}, out)) {
            assertThat(simulator.port()).isEqualTo(free);
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("http://127.0.0.1:" + free)
                    .contains("API key (X-Ometria-Auth): " + OmetriaSimulator.DEFAULT_API_KEY)
                    .doesNotContain("https://");
        }
    }

    @Test
    void refusesUnknownOptionsAndBadValuesWithAClearMessage() {
        assertThatThrownBy(() -> OmetriaSimulatorMain.start(new String[] {"--prot", "1"}, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Unknown option: --prot");
        assertThatThrownBy(() -> OmetriaSimulatorMain.start(new String[] {"--rps", "many"}, out))
                .hasMessage("Option --rps needs a whole number, got 'many'");
        assertThatThrownBy(() -> OmetriaSimulatorMain.start(new String[] {"--port"}, out))
                .hasMessage("Option --port needs a value");
    }

    @Test
    void printsUsageForHelp() {
        assertThat(OmetriaSimulatorMain.start(new String[] {"--help"}, out)).isNull();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("--api-key KEY").contains("--rps N");
    }
}
