/**
 * The one form a record has from the generated serializer to the request body: its UTF-8 JSON object in
 * one byte array, with the offsets of each top-level field. Validation, size checks, coalescing and the
 * request body read and copy these bytes; nothing re-parses the whole record.
 */
package dev.ometriasync.runtime.internal.record;
