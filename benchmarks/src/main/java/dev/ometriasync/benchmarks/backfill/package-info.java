/** The historic import at scale: rows/s and heap for a million contacts, and the time it takes at the real rate. */
package dev.ometriasync.benchmarks.backfill;
