package dev.ometriasync.hibernate.badfixture;

import dev.ometriasync.runtime.internal.client.ApiKey;

/** Breaks the rules on purpose (ArchitectureRulesNegativeTest): an integration class using a runtime internal type. */
public class HibernateClassUsingRuntimeInternals {

    /** The forbidden dependency. */
    public ApiKey key;
}
