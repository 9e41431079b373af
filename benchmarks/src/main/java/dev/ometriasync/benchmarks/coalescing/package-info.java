/** How many requests and records coalescing saves when a few entities change many times. */
package dev.ometriasync.benchmarks.coalescing;
