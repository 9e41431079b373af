/**
 * The historic import: {@link dev.ometriasync.hibernate.backfill.OmetriaBackfill} sends every existing row of
 * the mapped entity types through the running integration's pipeline, in key order and chunks, with a
 * checkpoint to resume from; {@link dev.ometriasync.hibernate.backfill.BackfillConsole} shows it with a
 * progress bar, and {@link dev.ometriasync.hibernate.backfill.BackfillCommand} runs it from the command line.
 */
package dev.ometriasync.hibernate.backfill;
