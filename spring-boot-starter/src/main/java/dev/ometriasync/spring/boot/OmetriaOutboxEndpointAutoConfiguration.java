package dev.ometriasync.spring.boot;

import dev.ometriasync.hibernate.OmetriaSync;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@code ometria} Actuator endpoint, when Actuator is present and the endpoint is available (exposed). */
@AutoConfiguration(after = OmetriaSyncHandleAutoConfiguration.class)
@ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnBean(OmetriaSync.class)
public class OmetriaOutboxEndpointAutoConfiguration {

    /**
     * The endpoint.
     *
     * @param sync the integration
     * @return the endpoint
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    public OmetriaOutboxEndpoint ometriaOutboxEndpoint(OmetriaSync sync) {
        return new OmetriaOutboxEndpoint(sync);
    }
}
