/** Commit-to-accepted latency of single changes at light load, through the Hibernate integration. */
package dev.ometriasync.benchmarks.latency;
