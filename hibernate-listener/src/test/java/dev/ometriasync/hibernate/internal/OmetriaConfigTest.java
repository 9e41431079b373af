package dev.ometriasync.hibernate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ometriasync.annotation.DeletePolicy;
import dev.ometriasync.hibernate.SyncMode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading and validating the {@code ometria.*} properties. */
class OmetriaConfigTest {

    @Test
    void defaults() {
        OmetriaConfig config = OmetriaConfig.read(Map.of("ometria.api-key", "k"));

        assertThat(config.enabled()).isTrue();
        assertThat(config.mode()).isEqualTo(SyncMode.OUTBOX);
        assertThat(config.endpoint()).isEqualTo("https://api.ometria.com");
        assertThat(config.requestsPerSecond()).isEqualTo(4.0);
        assertThat(config.maxBatchSize()).isEqualTo(100);
        assertThat(config.retryMaxDuration()).isEqualTo(Duration.ofHours(24));
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.invalidFieldPolicy()).isEqualTo("drop");
        assertThat(config.orderDeletePolicy()).isNull();
        assertThat(config.leaseDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.instanceId()).isNotBlank().hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void readsEveryFormOfDuration() {
        assertThat(OmetriaConfig.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(OmetriaConfig.parseDuration("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(OmetriaConfig.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(OmetriaConfig.parseDuration("24h")).isEqualTo(Duration.ofHours(24));
        assertThat(OmetriaConfig.parseDuration("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(OmetriaConfig.parseDuration("PT2S")).isEqualTo(Duration.ofSeconds(2));
        assertThat(OmetriaConfig.parseDuration(Duration.ofMinutes(3))).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void readsTypedValuesAndOverrides() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("ometria.api-key", "k");
        settings.put("ometria.mode", SyncMode.DIRECT);
        settings.put("ometria.requests-per-second", 8);
        settings.put("ometria.delete-policy.order", "Deactivate");
        settings.put("ometria.endpoint", "http://127.0.0.1:8080/");

        OmetriaConfig config = OmetriaConfig.read(settings);

        assertThat(config.mode()).isEqualTo(SyncMode.DIRECT);
        assertThat(config.requestsPerSecond()).isEqualTo(8.0);
        assertThat(config.orderDeletePolicy()).isEqualTo(DeletePolicy.DEACTIVATE);
        assertThat(config.endpoint()).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void reportsEveryInvalidPropertyAtOnce() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("ometria.api-key", "k");
        settings.put("ometria.requests-per-second", "-1");
        settings.put("ometria.relay.lease-duration", "500ms");
        settings.put("ometria.delete-policy.product", "hide");
        settings.put("ometria.endpoint", "ftp://example.com");

        assertThatThrownBy(() -> OmetriaConfig.read(settings))
                .hasMessageContaining("ometria.requests-per-second: expected a positive number of requests per second (was '-1')")
                .hasMessageContaining("ometria.relay.lease-duration must be at least 1s")
                .hasMessageContaining("ometria.delete-policy.product: expected 'ignore' or 'deactivate' (was 'hide')")
                .hasMessageContaining("ometria.endpoint must be an http(s) URL");
    }

    @Test
    void toStringNeverShowsTheApiKey() {
        OmetriaConfig config = OmetriaConfig.read(Map.of("ometria.api-key", "super-secret-key"));

        assertThat(config.toString()).doesNotContain("super-secret-key");
    }

    @Test
    void enabledFlagWinsOverTheKey() {
        assertThat(OmetriaConfig.isEnabled(Map.of("ometria.api-key", "k", "ometria.enabled", "false"))).isFalse();
        assertThat(OmetriaConfig.isEnabled(Map.of())).isFalse();
        assertThat(OmetriaConfig.needsOutbox(Map.of("ometria.api-key", "k", "ometria.mode", "direct"))).isFalse();
        assertThat(OmetriaConfig.needsOutbox(Map.of("ometria.api-key", "k"))).isTrue();
    }
}
