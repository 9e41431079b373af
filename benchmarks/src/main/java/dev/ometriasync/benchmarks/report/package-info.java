/** Output helpers shared by the harnesses: markdown tables and a description of the machine. */
package dev.ometriasync.benchmarks.report;
