/** What ometria-sync costs a business transaction: commits/s with the integration off, direct and outbox. */
package dev.ometriasync.benchmarks.txcost;
