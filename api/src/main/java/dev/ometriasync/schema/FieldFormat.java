package dev.ometriasync.schema;

/**
 * A constraint on a field's value beyond its JSON type, checked by the runtime validator and used by
 * the processor to widen the accepted Java types (for example {@code java.util.Currency} for
 * {@link #CURRENCY}).
 */
public enum FieldFormat {
    /** No constraint beyond the JSON type. */
    NONE,
    /** A record or object id: a non-empty string without whitespace; integral Java numbers are accepted and written as strings. */
    ID,
    /** An e-mail address. */
    EMAIL,
    /**
     * A phone number in international form ({@code +} and the country code) that Google's libphonenumber, the
     * library Ometria validates phone numbers with, finds valid.
     */
    PHONE,
    /**
     * An ISO 4217 code of a circulating currency (one that some country uses, per {@code java.util.Currency}; not
     * {@code XXX}, {@code XTS}, {@code XAU} and the like); {@code java.util.Currency} is accepted.
     */
    CURRENCY,
    /** An ISO 3166-1 alpha-2 country code; {@code java.util.Locale} is accepted. */
    COUNTRY,
    /**
     * A custom event type: Ometria keeps {@value OmetriaSchema#MAX_EVENT_TYPE_LENGTH} characters and truncates
     * longer ones (the runtime truncates too, and reports it).
     */
    EVENT_TYPE,
    /** One of Ometria's marketing opt-in values: {@code EXPLICITLY_OPTEDIN}, {@code EXPLICITLY_OPTEDOUT}, {@code NOT_SPECIFIED}. */
    MARKETING_OPTIN
}
