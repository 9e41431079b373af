package dev.ometriasync.schema;

/** The JSON shape Ometria expects for a field. */
public enum JsonType {
    /** A JSON string. */
    STRING,
    /** A JSON string holding an ISO-8601 date-time with offset, such as {@code 2023-05-25T15:32:52+00:00}. */
    TIMESTAMP,
    /** A JSON string holding an ISO-8601 date, {@code YYYY-MM-DD}. */
    DATE,
    /** A JSON number. */
    NUMBER,
    /** A JSON boolean. */
    BOOLEAN,
    /** A JSON array of strings. */
    STRING_ARRAY,
    /** A JSON object with a fixed set of fields, described by {@link FieldSpec#nested()}. */
    OBJECT,
    /** A JSON array of objects with a fixed set of fields, described by {@link FieldSpec#nested()}. */
    OBJECT_ARRAY,
    /** A free-form JSON object of custom key/values ({@code properties}). */
    FREE_OBJECT
}
