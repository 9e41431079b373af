package dev.ometriasync.benchmarks.model;

/** Order states, written by name. */
public enum BenchOrderStatus {
    PENDING, COMPLETE, CANCELLED
}
