package dev.ometriasync.spring.boot;

import dev.ometriasync.hibernate.OmetriaSettings;
import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.runtime.OmetriaListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds the {@code ometria.*} properties and passes them to Hibernate through a {@link HibernatePropertiesCustomizer},
 * with the application's {@link OmetriaListener} beans and Micrometer registry. Runs before Boot's Hibernate JPA
 * auto-configuration, whose {@code EntityManagerFactory} then starts the integration.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass({HibernatePropertiesCustomizer.class, OmetriaSync.class})
@EnableConfigurationProperties(OmetriaProperties.class)
public class OmetriaSyncAutoConfiguration {

    /**
     * The key and endpoint from {@code ometria.api-key} and {@code ometria.endpoint}, unless another bean provides
     * them (the simulator of {@code @AutoConfigureOmetriaSimulator}).
     *
     * @param properties the properties
     * @return the connection details
     */
    @Bean
    @ConditionalOnMissingBean(OmetriaConnectionDetails.class)
    public OmetriaConnectionDetails ometriaConnectionDetails(OmetriaProperties properties) {
        return new PropertiesConnectionDetails(properties);
    }

    /**
     * The {@code ometria.*} Hibernate settings. Fails the start when ometria-sync was asked for but no API key resolves.
     *
     * @param properties the properties
     * @param connection the key and endpoint
     * @param listeners the application's listeners, all called
     * @return the customizer
     */
    @Bean
    public HibernatePropertiesCustomizer ometriaHibernatePropertiesCustomizer(OmetriaProperties properties,
            OmetriaConnectionDetails connection, ObjectProvider<OmetriaListener> listeners) {
        Map<String, Object> settings = OmetriaHibernateSettings.of(properties, connection);
        List<OmetriaListener> all = listeners.orderedStream().toList();
        return hibernate -> {
            hibernate.putAll(settings);
            if (!all.isEmpty()) {
                hibernate.put(OmetriaSettings.LISTENER.key(), all.size() == 1 ? all.get(0) : new CompositeListener(all));
            }
        };
    }

    /** Publishes the pipeline's meters to the application's registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class PipelineMeters {

        @Bean
        HibernatePropertiesCustomizer ometriaMeterRegistryCustomizer(ObjectProvider<MeterRegistry> registry) {
            return hibernate -> {
                MeterRegistry available = registry.getIfAvailable();
                if (available != null) {
                    hibernate.put(OmetriaSettings.METER_REGISTRY.key(), available);
                }
            };
        }
    }

    /** {@code ometria.api-key} and {@code ometria.endpoint}. */
    private record PropertiesConnectionDetails(OmetriaProperties properties) implements OmetriaConnectionDetails {

        @Override
        public String apiKey() {
            return properties.getApiKey();
        }

        @Override
        public String endpoint() {
            return properties.getEndpoint();
        }

        @Override
        public String toString() {
            return "PropertiesConnectionDetails[endpoint=" + endpoint() + "]"; // never the key
        }
    }
}
