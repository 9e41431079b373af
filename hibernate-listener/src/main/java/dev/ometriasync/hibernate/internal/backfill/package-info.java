/**
 * The backfill's machinery: which entity types to send and how to read them in key order
 * ({@link dev.ometriasync.hibernate.internal.backfill.BackfillPlanner},
 * {@link dev.ometriasync.hibernate.internal.backfill.ChunkReader}), the chunks in flight and their
 * checkpoint ({@link dev.ometriasync.hibernate.internal.backfill.InFlightChunk},
 * {@link dev.ometriasync.hibernate.internal.backfill.CheckpointStore}), the loop that ties them to the
 * pipeline ({@link dev.ometriasync.hibernate.internal.backfill.BackfillEngine}), and the console views.
 * Not an API: it changes without notice.
 */
package dev.ometriasync.hibernate.internal.backfill;
