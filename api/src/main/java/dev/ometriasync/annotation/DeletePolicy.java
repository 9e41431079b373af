package dev.ometriasync.annotation;

/**
 * What the integration sends to Ometria when an entity is deleted. Ometria has no documented delete
 * for pushed records, so the choices are to leave the record or to deactivate it.
 */
public enum DeletePolicy {
    /** Send nothing; Ometria keeps the record as it was. */
    IGNORE,
    /** Send a partial record that deactivates it: {@code is_valid: false} for orders, {@code is_active: false} for products. */
    DEACTIVATE
}
