package dev.ometriasync.processor.badfixture;

import dev.ometriasync.runtime.OmetriaSerializers;

/** Breaks the rules on purpose (ArchitectureRulesNegativeTest): a processor class using the runtime. */
public class ProcessorClassUsingRuntime {

    /** The forbidden dependency. */
    public OmetriaSerializers serializers;
}
