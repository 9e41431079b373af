package dev.ometriasync.spring.boot;

import dev.ometriasync.hibernate.OmetriaSync;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/** The {@code ometria} health indicator (switch it off with {@code management.health.ometria.enabled=false}). */
@AutoConfiguration(after = OmetriaSyncHandleAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean({OmetriaSync.class, OmetriaProperties.class})
@ConditionalOnEnabledHealthIndicator("ometria")
public class OmetriaSyncHealthAutoConfiguration {

    /**
     * The indicator, named {@code ometria}.
     *
     * @param sync the integration
     * @param properties thresholds
     * @return the indicator
     */
    @Bean(name = "ometriaHealthIndicator")
    @ConditionalOnMissingBean(name = "ometriaHealthIndicator")
    public OmetriaSyncHealthIndicator ometriaHealthIndicator(OmetriaSync sync, OmetriaProperties properties) {
        return new OmetriaSyncHealthIndicator(sync, properties.getHealth());
    }
}
