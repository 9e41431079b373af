/**
 * The serializer benchmark (JMH): generated serializer, Jackson databind and a hand-written streaming writer
 * producing identical bytes.
 */
package dev.ometriasync.benchmarks.serializer;
