package dev.ometriasync.annotation;

/**
 * A contact's marketing consent, with exactly the values Ometria's {@code marketing_optin} field takes.
 * Map a member of this type with {@code @OmetriaField("marketing_optin")}.
 */
public enum MarketingOptin {
    /** The contact explicitly agreed to marketing. */
    EXPLICITLY_OPTEDIN,
    /** The contact explicitly refused marketing. */
    EXPLICITLY_OPTEDOUT,
    /** No consent was asked or given. */
    NOT_SPECIFIED
}
