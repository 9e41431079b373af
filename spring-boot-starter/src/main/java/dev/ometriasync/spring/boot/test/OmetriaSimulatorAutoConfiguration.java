package dev.ometriasync.spring.boot.test;

import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.spring.boot.OmetriaConnectionDetails;
import dev.ometriasync.spring.boot.OmetriaSyncAutoConfiguration;
import dev.ometriasync.testkit.OmetriaSimulator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The simulator behind {@link AutoConfigureOmetriaSimulator}: started with the context, closed with it, and given to
 * ometria-sync as its {@link OmetriaConnectionDetails}. Not an auto-configuration of applications: only imported by
 * the annotation.
 */
@AutoConfiguration(before = OmetriaSyncAutoConfiguration.class)
@ConditionalOnClass(OmetriaSimulator.class)
public class OmetriaSimulatorAutoConfiguration {

    /**
     * The simulator.
     *
     * @return a started simulator on a loopback port
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public OmetriaSimulator ometriaSimulator() {
        return OmetriaSimulator.builder().https(false).start();
    }

    /**
     * The simulator's key and address.
     *
     * @param simulator the simulator
     * @return the connection details
     */
    @Bean
    public OmetriaConnectionDetails ometriaSimulatorConnectionDetails(OmetriaSimulator simulator) {
        return new OmetriaConnectionDetails() {
            @Override
            public String apiKey() {
                return simulator.apiKey();
            }

            @Override
            public String endpoint() {
                return simulator.baseUri().toString();
            }

            @Override
            public String toString() {
                return "OmetriaSimulator at " + endpoint();
            }
        };
    }

    /**
     * The wait-until-synced helper.
     *
     * @param sync the integration (absent before the JPA auto-configuration ran: resolved lazily)
     * @param simulator the simulator
     * @return the helper
     */
    @Bean
    @ConditionalOnMissingBean
    public OmetriaTestSync ometriaTestSync(ObjectProvider<OmetriaSync> sync, OmetriaSimulator simulator) {
        return new OmetriaTestSync(sync, simulator);
    }
}
