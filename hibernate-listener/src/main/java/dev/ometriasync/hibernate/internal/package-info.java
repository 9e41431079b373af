/**
 * Implementation of the Hibernate integration: capture listeners, transaction callbacks, outbox, relay.
 * Not an API: anything here may change in any release.
 */
package dev.ometriasync.hibernate.internal;
