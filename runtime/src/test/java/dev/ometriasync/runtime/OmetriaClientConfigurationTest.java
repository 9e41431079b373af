package dev.ometriasync.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the builder accepts and refuses, and that the key never shows. No request is sent here. */
class OmetriaClientConfigurationTest {

    private static final String KEY = "sk-live-0123456789abcdef";

    @Test
    void defaultsToOmetriasHttpsEndpoint() {
        assertThat(OmetriaClient.builder().apiKey(KEY).build().endpoint()).isEqualTo(URI.create("https://api.ometria.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://LOCALHOST", "http://127.0.0.1:9", "http://127.1.2.3",
            "http://[::1]:8080", "https://api.ometria.com", "https://proxy.example/ometria/"})
    void acceptsHttpsAndLoopbackHttp(String endpoint) {
        assertThat(OmetriaClient.builder().apiKey(KEY).endpoint(endpoint).build().endpoint()).isEqualTo(URI.create(endpoint));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.ometria.com", "http://10.0.0.5:8080", "http://localhost.evil.example",
            "http://127.0.0.1.nip.io", "http://[::2]"})
    void refusesPlainHttpOffLoopback(String endpoint) {
        assertThatThrownBy(() -> OmetriaClient.builder().endpoint(endpoint))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("uses plain http on a non-loopback host")
                .hasMessageContaining("Use https");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://api.ometria.com", "api.ometria.com", "https:///v2", "https://user:pw@api.ometria.com",
            "https://api.ometria.com?x=1", "https://api.ometria.com/v2", "https://api.ometria.com/v2/push/"})
    void refusesEndpointsThatAreNotABaseUrl(String endpoint) {
        assertThatThrownBy(() -> OmetriaClient.builder().endpoint(endpoint))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https://api.ometria.com");
    }

    @Test
    void requiresAnApiKey() {
        assertThatThrownBy(() -> OmetriaClient.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("API key is required");
        assertThatThrownBy(() -> OmetriaClient.builder().apiKey("  "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing or blank");
        assertThatThrownBy(() -> OmetriaClient.builder().apiKey(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing or blank");
    }

    @Test
    void refusesAKeyThatCannotBeAHeaderWithoutEchoingIt() {
        String broken = "sk-live-0123\r\nX-Injected: 1";
        assertThatThrownBy(() -> OmetriaClient.builder().apiKey(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whitespace or a control character at position 12")
                .hasMessageNotContaining("sk-live");
    }

    @Test
    void trimsAKeyCopiedWithATrailingNewline() {
        OmetriaClient client = OmetriaClient.builder().apiKey(KEY + "\n").build();
        assertThat(client.toString()).doesNotContain(KEY);
    }

    @Test
    void neverShowsTheKey() {
        OmetriaClient.Builder builder = OmetriaClient.builder().apiKey(KEY);
        OmetriaClient client = builder.build();

        assertThat(builder.toString()).doesNotContain(KEY).contains("****");
        assertThat(client.toString()).doesNotContain(KEY).contains("****").contains("sha256:").contains("api.ometria.com");
    }

    @Test
    void refusesNonPositiveTimeouts() {
        assertThatThrownBy(() -> OmetriaClient.builder().requestTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requestTimeout must be positive; got PT0S");
        assertThatThrownBy(() -> OmetriaClient.builder().connectTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout must be positive");
    }

    @Test
    void refusesBatchesOmetriaWouldRefuse() {
        OmetriaClient client = OmetriaClient.builder().apiKey(KEY).endpoint("http://127.0.0.1:9").build();
        OmetriaRecord order = OmetriaRecord.parse("{\"@type\":\"order\",\"id\":\"O-1\"}", true);
        OmetriaRecord product = OmetriaRecord.parse("{\"@type\":\"product\",\"id\":\"P-1\"}", true);
        List<OmetriaRecord> tooMany = IntStream.range(0, 101)
                .mapToObj(i -> OmetriaRecord.parse("{\"@type\":\"order\",\"id\":\"O-" + i + "\"}", true)).toList();

        assertThatThrownBy(() -> client.push(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one record");
        assertThatThrownBy(() -> client.push(tooMany))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 100 records").hasMessageContaining("got 101");
        assertThatThrownBy(() -> client.push(List.of(order, product)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one @type").hasMessageContaining("order and product");
    }
}
