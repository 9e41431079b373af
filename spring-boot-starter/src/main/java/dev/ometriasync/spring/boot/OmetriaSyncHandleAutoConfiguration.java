package dev.ometriasync.spring.boot;

import dev.ometriasync.hibernate.OmetriaSync;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * The {@link OmetriaSync} bean of the application's one {@code EntityManagerFactory}. It is there whether or not the
 * integration runs: when it is off ({@code ometria.enabled=false}, no key) the bean is the disabled handle of
 * {@link OmetriaSync#ofOrDisabled}, whose {@code touch} does nothing but log at DEBUG, so application code that calls
 * it never fails a transaction for lack of a key.
 */
@AutoConfiguration(afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass({EntityManagerFactory.class, OmetriaSync.class})
public class OmetriaSyncHandleAutoConfiguration {

    /**
     * The handle.
     *
     * @param entityManagerFactory the application's entity manager factory
     * @return the handle, enabled or not
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(EntityManagerFactory.class)
    public OmetriaSync ometriaSync(EntityManagerFactory entityManagerFactory) {
        return OmetriaSync.ofOrDisabled(entityManagerFactory);
    }
}
