/**
 * Service provider interfaces of the Hibernate integration, for other modules of ometria-sync (the
 * backfill) that reuse its pipeline and entity reading.
 */
package dev.ometriasync.hibernate.spi;
