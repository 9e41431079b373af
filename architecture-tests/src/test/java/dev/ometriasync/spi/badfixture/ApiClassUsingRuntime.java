package dev.ometriasync.spi.badfixture;

import dev.ometriasync.runtime.OmetriaRecord;

/** Breaks the rules on purpose (ArchitectureRulesNegativeTest): an API class using the runtime. */
public class ApiClassUsingRuntime {

    /** The forbidden dependency. */
    public OmetriaRecord record;
}
