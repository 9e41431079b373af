package dev.ometriasync.testkit.badfixture;

import dev.ometriasync.runtime.OmetriaRecord;

/** Breaks the rules on purpose (ArchitectureRulesNegativeTest): the simulator sharing the client's code. */
public class SimulatorClassUsingRuntime {

    /** The forbidden dependency. */
    public OmetriaRecord record;
}
