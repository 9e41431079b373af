package dev.ometriasync.hibernate.internal;

/** What happened to the entity that an outbox row names. */
public enum OutboxOperation {
    /** Created: send the full record. */
    INSERT,
    /** Changed: send the fields of the changed attributes; with no names, the full record. */
    UPDATE,
    /** Deleted: apply the delete policy with the stored Ometria id. */
    DELETE,
    /** Asked for by {@code touch} or written by a stateless session: send the full record of the current state. */
    TOUCH,
    /**
     * The attribute mapped to Ometria's {@code id} changed: the record under the old Ometria id (kept in the row)
     * gets the type's delete policy, whatever state the entity is in now.
     */
    RETIRE // six letters: the column is varchar(8) in the shipped DDL
}
