package dev.ometriasync.spring.boot;

import dev.ometriasync.hibernate.OmetriaSync;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Registers {@link OmetriaSyncMeters} with the application's Micrometer registries. */
@AutoConfiguration(after = OmetriaSyncHandleAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(OmetriaSync.class)
public class OmetriaSyncMetricsAutoConfiguration {

    /**
     * The meters.
     *
     * @param sync the integration
     * @return the binder
     */
    @Bean
    @ConditionalOnMissingBean
    public OmetriaSyncMeters ometriaSyncMeters(OmetriaSync sync) {
        return new OmetriaSyncMeters(sync);
    }
}
