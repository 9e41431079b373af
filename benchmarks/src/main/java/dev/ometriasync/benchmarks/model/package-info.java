/**
 * The benchmark's entities: JPA entities mapped to Ometria with the ometria-sync annotations and, on the same
 * members, with the Jackson databind annotations a user would otherwise write, so that the generated
 * serializer, Jackson databind and a hand-written streaming writer all produce the same bytes from the same
 * objects. {@code SerializerEquivalenceTest} proves the bytes are identical before anything is timed.
 */
package dev.ometriasync.benchmarks.model;
