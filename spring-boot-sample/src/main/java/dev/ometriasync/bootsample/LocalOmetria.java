package dev.ometriasync.bootsample;

import dev.ometriasync.spring.boot.OmetriaConnectionDetails;
import dev.ometriasync.testkit.OmetriaSimulator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without {@code OMETRIA_API_KEY}, the sample sends to an {@link OmetriaSimulator} in the same JVM: the simulator's
 * key and address replace {@code ometria.api-key} and {@code ometria.endpoint} through {@link OmetriaConnectionDetails}.
 * (An application does this only in tests, with {@code @AutoConfigureOmetriaSimulator}.)
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${ometria.api-key:}'.isBlank()")
class LocalOmetria {

    @Bean(destroyMethod = "close")
    OmetriaSimulator ometriaSimulator() {
        return OmetriaSimulator.builder().https(false).start();
    }

    @Bean
    OmetriaConnectionDetails simulatorConnection(OmetriaSimulator simulator) {
        return new OmetriaConnectionDetails() {
            @Override
            public String apiKey() {
                return simulator.apiKey();
            }

            @Override
            public String endpoint() {
                return simulator.baseUri().toString();
            }
        };
    }
}
