/**
 * The runtime's service provider interface: what an application or a test may plug into the pipeline
 * (today, its {@link dev.ometriasync.runtime.spi.TimeSource}). The serializer SPI that generated code
 * implements is {@code dev.ometriasync.spi}, in {@code ometria-sync-api}.
 */
package dev.ometriasync.runtime.spi;
