package dev.ometriasync.hibernate.internal;

import org.hibernate.boot.ResourceStreamLocator;
import org.hibernate.boot.spi.AdditionalMappingContributions;
import org.hibernate.boot.spi.AdditionalMappingContributor;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.hibernate.engine.config.spi.ConfigurationService;

/**
 * Maps the outbox and lease tables when the integration runs in outbox mode (and, for Hibernate's schema export,
 * the outbox table's storage parameters: {@link OutboxStorageParameters}). Entities must be known
 * while the metadata is built, before any Integrator runs, hence this contributor (found through
 * {@code META-INF/services}).
 */
public final class OutboxMappingContributor implements AdditionalMappingContributor {

    @Override
    public String getContributorName() {
        return "ometria-sync";
    }

    @Override
    public void contribute(AdditionalMappingContributions contributions, InFlightMetadataCollector metadata,
            ResourceStreamLocator resourceStreamLocator, MetadataBuildingContext buildingContext) {
        ConfigurationService configuration = buildingContext.getBootstrapContext().getServiceRegistry()
                .requireService(ConfigurationService.class);
        if (OmetriaConfig.needsOutbox(configuration.getSettings()) && runsOnThisHibernate(configuration.getSettings())) {
            contributions.contributeEntity(OutboxEntry.class);
            contributions.contributeEntity(RelayLease.class);
            contributions.contributeAuxiliaryDatabaseObject(new OutboxStorageParameters(metadata));
        }
    }

    /**
     * Whether the integration will run on this Hibernate ORM. On an unsupported version the tables are not
     * mapped (the integrator switches itself off with a WARN line), or, when ometria.enabled=true was set, the
     * build fails here with the same message the integrator would give.
     */
    private static boolean runsOnThisHibernate(java.util.Map<String, Object> settings) {
        try {
            HibernateLine.running();
            return true;
        } catch (UnsupportedHibernateException e) {
            if (OmetriaConfig.isExplicitlyEnabled(settings)) {
                throw e;
            }
            return false;
        }
    }
}
