package dev.ometriasync.it.shop;

/** A domain model's own marketing consent, named exactly like Ometria's {@code marketing_optin} values. */
public enum Consent {
    EXPLICITLY_OPTEDIN, EXPLICITLY_OPTEDOUT, NOT_SPECIFIED
}
