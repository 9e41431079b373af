/**
 * The catalogue of Ometria's record types and nested objects: every field, its JSON type, its format
 * and which fields are ids or required. One source of truth, read by the annotation processor (to check
 * mappings at compile time) and by the runtime validator (to check records before sending). Taken from
 * Ometria's public documentation and integrations; the README's field table lists it. Part of
 * {@code ometria-sync-api}: this package depends on nothing outside the JDK.
 */
package dev.ometriasync.schema;
