package dev.ometriasync.runtime.nomicrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ometriasync.runtime.OmetriaPipeline;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Micrometer is an optional dependency: a pipeline built without {@code meterRegistry(...)} must load and run
 * with no Micrometer class on the class path. The probe runs in a class loader holding only the runtime and its
 * required dependencies (ometria-sync-api, Jackson, Failsafe, SLF4J, libphonenumber).
 */
@Timeout(300)
class WithoutMicrometerTest {

    @Test
    void thePipelineSendsWithoutMicrometerOnTheClassPath() throws Exception {
        List<URL> classPath = List.of(
                location(OmetriaPipeline.class),                  // runtime classes
                location(dev.ometriasync.schema.RecordType.class), // ometria-sync-api, the runtime's own dependency
                location(PipelineWithoutMicrometerProbe.class),   // the probe (test classes)
                location(com.fasterxml.jackson.core.JsonFactory.class),
                location(com.fasterxml.jackson.databind.ObjectMapper.class),
                location(com.fasterxml.jackson.annotation.JsonProperty.class),
                location(dev.failsafe.Failsafe.class),
                location(com.google.i18n.phonenumbers.PhoneNumberUtil.class),
                location(org.slf4j.Logger.class));
        try (OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).start();
                URLClassLoader isolated = new URLClassLoader(classPath.toArray(URL[]::new),
                        ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> isolated.loadClass("io.micrometer.core.instrument.MeterRegistry"))
                    .isInstanceOf(ClassNotFoundException.class);

            @SuppressWarnings("unchecked")
            BiFunction<String, String, String> probe = (BiFunction<String, String, String>) isolated
                    .loadClass(PipelineWithoutMicrometerProbe.class.getName()).getConstructor().newInstance();
            assertThat(probe.getClass().getClassLoader()).isSameAs(isolated);

            assertThat(probe.apply(ometria.baseUri().toString(), ometria.apiKey())).isEqualTo("ACCEPTED");
            assertThat(ometria.record("product", "P-1").get("title").asText()).isEqualTo("Mug");
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
