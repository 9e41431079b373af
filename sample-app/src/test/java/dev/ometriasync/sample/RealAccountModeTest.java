package dev.ometriasync.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.testkit.OmetriaSimulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The mode for a real account, chosen by {@code OMETRIA_API_KEY}. The "account" here is a simulator with a
 * key of its own, reached only through the endpoint and key the environment gives, as a real one would be.
 */
class RealAccountModeTest {

    private static final String KEY = "k3y-that-must-never-be-printed";

    @Test
    void withAnApiKeyItSaysSoSendsEverythingAndNeverPrintsTheKey() {
        try (OmetriaSimulator account = OmetriaSimulator.builder().https(false).apiKey(KEY).start();
             OmetriaTarget target = OmetriaTarget.fromEnvironment(Map.of(
                     OmetriaTarget.API_KEY_VARIABLE, KEY, OmetriaTarget.ENDPOINT_VARIABLE, account.baseUri().toString()))) {
            assertThat(target.isSimulated()).isFalse();
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            int status;
            try (PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8)) {
                status = SampleApp.run(target, ShopDatabase.inMemory(), new HistoricData.Size(6, 6, 6), false,
                        new ByteArrayInputStream(new byte[0]), out);
            }
            String output = console.toString(StandardCharsets.UTF_8);

            assertThat(status).as(output).isZero();
            assertThat(output).contains("Ometria: REAL ACCOUNT at " + account.baseUri() + " (API key from OMETRIA_API_KEY, not shown)")
                    .doesNotContain(KEY)
                    .doesNotContain("VERIFIED")
                    .contains("GET /v2/push/_errors: 0 recent validation failure(s)")
                    .contains("outbox: 0 pending, 0 dead");
            // 6 + 6 + 6 historic records, then a sign-up, a wishlist event and a new order.
            assertThat(account.recordCount("product")).isEqualTo(6);
            assertThat(account.recordCount("contact")).isEqualTo(7);
            assertThat(account.recordCount("order")).isEqualTo(7);
            assertThat(account.recordCount("custom_event")).isEqualTo(1);
            assertThat(account.rateLimitedCount()).as("no fault is injected into a real account").isZero();
        }
    }

    @Test
    void withoutAnApiKeyItStartsASimulator() {
        try (OmetriaTarget target = OmetriaTarget.fromEnvironment(Map.of(OmetriaTarget.API_KEY_VARIABLE, " "))) {
            assertThat(target.isSimulated()).isTrue();
            assertThat(target.describe()).startsWith("Ometria: in-process OmetriaSimulator at http://127.0.0.1:");
        }
    }

    @Test
    void theDefaultEndpointIsOmetrias() {
        try (OmetriaTarget target = OmetriaTarget.fromEnvironment(Map.of(OmetriaTarget.API_KEY_VARIABLE, KEY))) {
            assertThat(target.endpoint()).hasToString("https://api.ometria.com");
            assertThat(target.describe()).doesNotContain(KEY).contains("REAL ACCOUNT at https://api.ometria.com");
            assertThat(target.toString()).doesNotContain(KEY);
        }
    }
}
