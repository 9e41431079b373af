/**
 * The simulator's parts. Not API: may change at any time. Use {@link dev.ometriasync.testkit.OmetriaSimulator}.
 */
package dev.ometriasync.testkit.internal;
