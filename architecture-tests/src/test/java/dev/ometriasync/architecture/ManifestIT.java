package dev.ometriasync.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.ometriasync.runtime.OmetriaClient;
import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.PushResult;
import dev.ometriasync.runtime.RecordKey;
import dev.ometriasync.schema.RecordType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every ometria-sync jar names its module ({@code Automatic-Module-Name}) and its version
 * ({@code Implementation-Version}), and the client tells Ometria that version in its User-Agent. Runs after
 * {@code package} (Failsafe), on the jars the reactor built.
 */
class ManifestIT {

    private static final String VERSION = System.getProperty("ometria.project-version");

    @ParameterizedTest
    @CsvSource({
            "dev/ometriasync/spi/OmetriaSerializer.class, ometria-sync-api, dev.ometriasync.api",
            "dev/ometriasync/runtime/OmetriaClient.class, ometria-sync-runtime, dev.ometriasync.runtime",
            "dev/ometriasync/processor/OmetriaProcessor.class, ometria-sync-processor, dev.ometriasync.processor",
            "dev/ometriasync/testkit/OmetriaSimulator.class, ometria-sync-testkit, dev.ometriasync.testkit",
            "dev/ometriasync/hibernate/OmetriaSync.class, ometria-sync-hibernate, dev.ometriasync.hibernate",
            "dev/ometriasync/spring/boot/OmetriaProperties.class, ometria-sync-spring-boot-starter, dev.ometriasync.spring.boot",
    })
    void publishedJarNamesItsModuleAndVersion(String classFile, String artifactId, String moduleName) throws IOException {
        Manifest manifest = manifestOfJarHolding(classFile, artifactId);

        Attributes main = manifest.getMainAttributes();
        assertThat(main.getValue("Automatic-Module-Name")).isEqualTo(moduleName);
        assertThat(main.getValue("Implementation-Version")).isEqualTo(VERSION);
    }

    @Test
    void userAgentCarriesTheImplementationVersion() throws Exception {
        assertThat(VERSION).isNotBlank();
        BlockingQueue<String> userAgents = new ArrayBlockingQueue<>(4);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            userAgents.add(String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            OmetriaClient client = OmetriaClient.builder()
                    .apiKey("manifest-test-key")
                    .endpoint("http://127.0.0.1:" + server.getAddress().getPort())
                    .build();
            OmetriaRecord record = new OmetriaRecord(new RecordKey(RecordType.CONTACT, null, "c-1"), true,
                    Map.of("email", "\"c1@example.com\""));

            PushResult result = client.push(List.of(record)).get(30, TimeUnit.SECONDS);

            assertThat(result).isNotNull();
            assertThat(userAgents.poll(10, TimeUnit.SECONDS)).isEqualTo("ometria-sync/" + VERSION);
        } finally {
            server.stop(0);
        }
    }

    private static Manifest manifestOfJarHolding(String classFile, String artifactId) throws IOException {
        URL url = ManifestIT.class.getClassLoader().getResource(classFile);
        assertThat(url).as("%s on the class path", classFile).isNotNull();
        assertThat(url.getProtocol()).as("%s comes from a jar (run with verify, after package)", classFile).isEqualTo("jar");
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            assertThat(jar.getName()).contains(artifactId);
            return jar.getManifest();
        }
    }
}
