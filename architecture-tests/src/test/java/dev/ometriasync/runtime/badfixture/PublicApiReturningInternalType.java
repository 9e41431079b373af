package dev.ometriasync.runtime.badfixture;

import dev.ometriasync.runtime.internal.client.ApiKey;

/** Breaks the rules on purpose (ArchitectureRulesNegativeTest): a public method that returns an internal type. */
public class PublicApiReturningInternalType {

    /**
     * The forbidden signature.
     *
     * @return nothing useful
     */
    public ApiKey key() {
        return null;
    }
}
