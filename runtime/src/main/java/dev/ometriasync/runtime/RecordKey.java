package dev.ometriasync.runtime;

import dev.ometriasync.runtime.logging.EmailMasker;
import dev.ometriasync.schema.RecordType;
import java.util.Objects;

/**
 * What identifies a record at Ometria: records with the same key are merged by Ometria, and by the
 * pipeline while they wait.
 *
 * @param type the record type
 * @param collection the contact collection, or {@code null}
 * @param id the record id
 */
public record RecordKey(RecordType type, String collection, String id) {

    /**
     * Checks the parts.
     *
     * @param type the record type
     * @param collection the collection, or null
     * @param id the record id
     */
    public RecordKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    /** Masks e-mail addresses: an id should never hold one (Ometria says ids must not carry personal data), but some do. */
    @Override
    public String toString() {
        return EmailMasker.mask(type.jsonName() + (collection == null ? "" : "@" + collection) + ":" + id);
    }
}
