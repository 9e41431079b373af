/** What the end-to-end harnesses share: databases, session factories over the benchmark entities, arguments. */
package dev.ometriasync.benchmarks.support;
