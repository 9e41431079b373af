package dev.ometriasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged {@code -standalone.jar} the way a person would, {@code java -jar}, in its own process:
 * proves the manifest, the shaded dependencies and the printed port. Runs in {@code verify}, after packaging.
 */
class StandaloneJarIT {

    @Test
    void javaDashJarStartsTheSimulatorAndPrintsItsPort() throws Exception {
        Path jar = Path.of(System.getProperty("standalone.jar", "target/missing-standalone.jar"));
        assertThat(jar).as("built by mvn package").exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--port", "0", "--no-https",
                "--api-key", "jar-key").redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String firstLine = out.readLine();
            Matcher port = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+) ").matcher(String.valueOf(firstLine));
            assertThat(port.find()).as("first line: %s", firstLine).isTrue();

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(port.group(1) + "/v2/push")).timeout(Duration.ofSeconds(20))
                            .header("X-Ometria-Auth", "jar-key").header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("[{\"@type\":\"product\",\"id\":\"P\"}]")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"accepted\":1");
        } finally {
            process.destroy();
            process.waitFor();
        }
        assertThat(Files.size(jar)).as("Jackson is inside").isGreaterThan(1_000_000);
    }
}
