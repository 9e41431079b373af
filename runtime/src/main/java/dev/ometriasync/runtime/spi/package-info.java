/**
 * The service provider interface between generated code and the runtime: implemented by the classes
 * that {@code ometria-sync-processor} generates, called by the runtime and integrations.
 */
package dev.ometriasync.runtime.spi;
