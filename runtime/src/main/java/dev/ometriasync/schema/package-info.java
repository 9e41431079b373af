/**
 * The catalogue of Ometria's record types and nested objects: every field, its JSON type, its format
 * and which fields are ids or required. One source of truth, read by the annotation processor (to check
 * mappings at compile time) and by the runtime validator (to check records before sending). Taken from
 * {@code ometria-api.md} §4. This package depends on nothing outside the JDK.
 */
package dev.ometriasync.schema;
