/** How close the pipeline gets to the account's rate ceiling with a large backlog. */
package dev.ometriasync.benchmarks.throughput;
