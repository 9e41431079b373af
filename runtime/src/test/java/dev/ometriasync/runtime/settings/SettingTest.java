package dev.ometriasync.runtime.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ometriasync.runtime.InvalidFieldPolicy;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A {@link Setting} reads, defaults and checks one value the same way for properties and for builders. */
class SettingTest {

    @Test
    void readsTextAndTypedValuesAndFallsBackToTheDefault() {
        assertThat(PipelineProperties.QUEUE_ENQUEUE_TIMEOUT.read(Map.of("ometria.queue.enqueue-timeout", "250ms")))
                .isEqualTo(Duration.ofMillis(250));
        assertThat(PipelineProperties.QUEUE_ENQUEUE_TIMEOUT.read(Map.of("ometria.queue.enqueue-timeout", Duration.ofSeconds(3))))
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(PipelineProperties.QUEUE_ENQUEUE_TIMEOUT.read(Map.of("ometria.queue.enqueue-timeout", "  ")))
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(PipelineProperties.QUEUE_MAX_RECORDS.read(Map.of())).isEqualTo(100_000);
        assertThat(PipelineProperties.INVALID_FIELD_POLICY.read(Map.of("ometria.invalid-field-policy", "Reject")))
                .isEqualTo(InvalidFieldPolicy.REJECT_RECORD);
    }

    @Test
    void aPropertyMessageNamesTheKeyTheExpectationAndTheValue() {
        assertThatThrownBy(() -> PipelineProperties.MAX_BATCH_SIZE.read(Map.of("ometria.max-batch-size", "500")))
                .hasMessage("ometria.max-batch-size: expected an integer from 1 to 100 (was '500')");
        assertThatThrownBy(() -> PipelineProperties.MAX_BATCH_SIZE.read(Map.of("ometria.max-batch-size", "many")))
                .hasMessage("ometria.max-batch-size: expected an integer (was 'many')");
        assertThatThrownBy(() -> PipelineProperties.REQUEST_TIMEOUT.read(Map.of("ometria.request-timeout", "50ms")))
                .hasMessage("ometria.request-timeout must be at least 100ms, was 50ms");
        assertThatThrownBy(() -> PipelineProperties.SHUTDOWN_TIMEOUT.read(Map.of("ometria.shutdown-timeout", "soon")))
                .hasMessage("ometria.shutdown-timeout: expected a duration such as 500ms, 10s, 5m, 24h or PT10S (was 'soon')");
    }

    @Test
    void aBuilderMessageNamesTheBuilderMethod() {
        assertThatThrownBy(() -> PipelineProperties.MAX_BATCH_SIZE.check(0, "maxBatchSize"))
                .hasMessage("maxBatchSize must be an integer from 1 to 100, got 0");
        assertThat(PipelineProperties.MAX_BATCH_SIZE.check(100, "maxBatchSize")).isEqualTo(100);
    }

    @Test
    void aReservedKeyIsRefusedWithItsReason() {
        Setting<Object> reserved = Setting.reserved("flush-interval", "remove the property");
        assertThat(reserved.isReserved()).isTrue();
        assertThat(reserved.read(Map.of())).isNull();
        assertThatThrownBy(() -> reserved.read(Map.of("ometria.flush-interval", "1s")))
                .hasMessage("ometria.flush-interval is not supported: remove the property");
    }

    @Test
    void theReaderCollectsEveryProblem() {
        SettingsReader reader = new SettingsReader(Map.of("ometria.max-batch-size", "0", "ometria.queue.max-bytes", "10"));

        assertThat(reader.read(PipelineProperties.MAX_BATCH_SIZE)).isEqualTo(100);
        assertThat(reader.read(PipelineProperties.QUEUE_MAX_BYTES)).isEqualTo(64L * 1024 * 1024);
        assertThat(reader.problems()).hasSize(2);
        assertThatThrownBy(() -> reader.throwIfInvalid("configuration"))
                .hasMessageStartingWith("Invalid configuration:\n  - ometria.max-batch-size");
    }

    @Test
    void anUnknownKeyGetsTheClosestDeclaredKey() {
        List<Setting<?>> declared = PipelineProperties.all();
        assertThat(SettingsReader.unknownKeys(Map.of("ometria.requests-per-secnd", "4", "ometria.api-key", "k", "other.key", "x"),
                declared)).containsExactly(
                "Unknown setting ometria.requests-per-secnd is ignored; did you mean ometria.requests-per-second?");
        assertThat(SettingsReader.distance("mdoe", "mode")).isEqualTo(1);
        assertThat(SettingsReader.distance("mode", "mode")).isZero();
    }

    @Test
    void everyPipelineKeyIsDeclaredOnceWithItsPrefix() {
        Set<String> keys = new HashSet<>();
        for (Setting<?> setting : PipelineProperties.all()) {
            assertThat(keys.add(setting.key())).as(setting.key()).isTrue();
            assertThat(setting.key()).startsWith(Setting.PREFIX);
        }
    }
}
