package dev.ometriasync.benchmarks.soak.check;

/**
 * One way Ometria's final state differs from the database.
 *
 * @param kind what is wrong
 * @param key the record
 * @param field the field (a path such as {@code lineitems[1].quantity}), or null for the whole record
 * @param expected what the database says, as text
 * @param actual what Ometria holds, as text
 */
public record Mismatch(Kind kind, OmetriaKey key, String field, String expected, String actual) {

    /** What is wrong. */
    public enum Kind {
        /** An entity of the database that Ometria does not hold at all: a lost change. */
        LOST,
        /** A field whose value in Ometria differs from the database (or is absent there). */
        FIELD_DIFFERS,
        /** A field Ometria holds that the database has as null (or does not map). */
        FIELD_NOT_IN_DATABASE,
        /** A deleted order or product that Ometria does not hold as deactivated. */
        NOT_DEACTIVATED,
        /** A record Ometria holds for which the database has neither a row nor a delete: a rolled-back change, or a wrong id. */
        PHANTOM
    }

    @Override
    public String toString() {
        return kind + " " + key + (field == null ? "" : " " + field) + ": database " + expected + ", Ometria " + actual;
    }
}
