package dev.ometriasync.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ometriasync.hibernate.fixtures.Database;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import dev.ometriasync.hibernate.internal.OmetriaConfig;
import dev.ometriasync.runtime.OmetriaPipeline;
import dev.ometriasync.runtime.settings.PipelineProperties;
import dev.ometriasync.runtime.settings.Setting;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * One settings model: every key is declared once, the pipeline's limits are settable from Hibernate properties
 * with the builder's limits, and an {@code ometria.*} key that no setting declares is reported at start-up.
 */
class SettingsModelTest {

    @Test
    void everyKeyIsDeclaredOnce() {
        Set<String> keys = new HashSet<>();
        for (Setting<?> setting : OmetriaSettings.all()) {
            assertThat(keys.add(setting.key())).as(setting.key()).isTrue();
            assertThat(setting.key()).startsWith("ometria.");
        }
        assertThat(keys).contains("ometria.queue.max-records", "ometria.queue.max-bytes", "ometria.queue.enqueue-timeout",
                "ometria.retry.initial-delay", "ometria.retry.max-delay", "ometria.retry.max-duration", "ometria.mode");
    }

    @Test
    void everyPipelineLimitIsSettableFromHibernateProperties() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("ometria.api-key", "k");
        settings.put("ometria.queue.max-records", "5000");
        settings.put("ometria.queue.max-bytes", "1048576");
        settings.put("ometria.queue.enqueue-timeout", "250ms");
        settings.put("ometria.retry.initial-delay", "2s");
        settings.put("ometria.retry.max-delay", "1m");

        OmetriaConfig config = OmetriaConfig.read(settings);

        assertThat(config.maxQueuedRecords()).isEqualTo(5000);
        assertThat(config.maxQueuedBytes()).isEqualTo(1_048_576L);
        assertThat(config.enqueueTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.retryInitialDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.retryMaxDelay()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theBuilderAndThePropertiesShareDefaultsAndLimits() {
        OmetriaConfig defaults = OmetriaConfig.read(Map.of("ometria.api-key", "k"));
        assertThat(defaults.maxQueuedRecords()).isEqualTo(PipelineProperties.QUEUE_MAX_RECORDS.defaultValue());
        assertThat(defaults.enqueueTimeout()).isEqualTo(PipelineProperties.QUEUE_ENQUEUE_TIMEOUT.defaultValue());
        assertThat(defaults.requestTimeout()).isEqualTo(PipelineProperties.REQUEST_TIMEOUT.defaultValue());

        // requests per second: at most 1000 both ways (the properties used to take any positive number)
        assertThatThrownBy(() -> OmetriaPipeline.builder().requestsPerSecond(1001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestsPerSecond must be at most 1000");
        assertThatThrownBy(() -> OmetriaConfig.read(Map.of("ometria.api-key", "k", "ometria.requests-per-second", "1001")))
                .hasMessageContaining("ometria.requests-per-second: expected at most 1000 requests per second (was '1001')");

        // plain http off loopback: refused both ways (the properties used to accept it)
        assertThatThrownBy(() -> OmetriaPipeline.builder().endpoint(java.net.URI.create("http://ometria.example.com")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain http on a non-loopback host");
        assertThatThrownBy(() -> OmetriaConfig.read(Map.of("ometria.api-key", "k", "ometria.endpoint", "http://ometria.example.com")))
                .hasMessageContaining("ometria.endpoint: ").hasMessageContaining("plain http on a non-loopback host");

        // the same queue limit both ways
        assertThatThrownBy(() -> OmetriaPipeline.builder().maxQueuedBytes(1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxQueuedBytes must be at least 65536");
        assertThatThrownBy(() -> OmetriaConfig.read(Map.of("ometria.api-key", "k", "ometria.queue.max-bytes", "1000")))
                .hasMessageContaining("ometria.queue.max-bytes: expected at least 65536");
    }

    @Test
    void aReservedKeyFailsTheStartSayingWhy() {
        assertThatThrownBy(() -> OmetriaConfig.read(Map.of("ometria.api-key", "k", "ometria.flush-interval", "1s")))
                .hasMessageContaining("ometria.flush-interval is not supported");
    }

    @Test
    void anUnknownKeyIsReportedNamingTheClosestKnownKey() {
        assertThat(OmetriaConfig.unknownKeys(Map.of("ometria.api-key", "k", "ometria.mdoe", "direct",
                "ometria.queue.max-record", "5", "hibernate.show_sql", "true")))
                .containsExactly(
                        "Unknown setting ometria.mdoe is ignored; did you mean ometria.mode?",
                        "Unknown setting ometria.queue.max-record is ignored; did you mean ometria.queue.max-records?");
    }

    @Test
    void anUnknownKeyIsReportedAtStartUpWithAWarn() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).start()) {
            Map<String, String> settings = TestFactories.ometriaSettings(ometria);
            settings.put(OmetriaSettings.MODE.key(), "direct");
            settings.put("ometria.mdoe", "direct");
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try (SessionFactory factory = TestFactories.build(Database.H2.createEmpty(), settings, "create-drop")) {
                assertThat(factory.isOpen()).isTrue();
            } finally {
                System.setErr(original);
            }
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).containsPattern("WARN .*Unknown setting ometria\\.mdoe is ignored; did you mean ometria\\.mode\\?");
    }
}
