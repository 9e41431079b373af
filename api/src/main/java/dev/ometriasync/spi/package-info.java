/**
 * The service provider interface between generated code and the runtime: implemented by the classes
 * that {@code ometria-sync-processor} generates ({@link dev.ometriasync.spi.OmetriaSerializer},
 * {@link dev.ometriasync.spi.OmetriaNestedWriter}), with the value conversions they share
 * ({@link dev.ometriasync.spi.OmetriaValues}); called by the runtime and the integrations. Part of
 * {@code ometria-sync-api}, so it depends on nothing but jackson-core.
 */
package dev.ometriasync.spi;
