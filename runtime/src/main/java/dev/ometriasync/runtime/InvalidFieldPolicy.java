package dev.ometriasync.runtime;

/**
 * What local validation does with a record whose <em>optional</em> field holds an invalid value (a phone
 * number that is not E.164, a country that is not ISO 3166 alpha-2, a number sent as a string…).
 *
 * <p>Problems with what a record cannot do without — a missing or malformed id, a record over 60 KB, a
 * custom event's {@code event_type}, a line item's {@code product_id}, {@code quantity} and
 * {@code unit_price}/{@code subtotal}, a variant option's {@code id}, {@code type} and {@code label} — always
 * reject the record, whatever the policy.
 */
public enum InvalidFieldPolicy {
    /**
     * Send the record without the invalid field and report the field as dropped (the default): one bad
     * phone number should not hold back an order or a contact's opt-in. Inside a nested object only the
     * invalid field is left out; an array with an invalid element is left out whole, because Ometria
     * replaces arrays whole.
     */
    DROP_FIELD("drop"),
    /** Do not send the record; report it as rejected with a reason naming the field. */
    REJECT_RECORD("reject");

    private final String externalName;

    InvalidFieldPolicy(String externalName) {
        this.externalName = externalName;
    }

    /**
     * The name in properties ({@code ometria.invalid-field-policy}).
     *
     * @return {@code drop} or {@code reject}
     */
    public String externalName() {
        return externalName;
    }

    /**
     * The policy a property names.
     *
     * @param value {@code drop} or {@code reject}, in any case
     * @return the policy
     * @throws IllegalArgumentException for any other value
     */
    public static InvalidFieldPolicy fromExternalName(String value) {
        for (InvalidFieldPolicy policy : values()) {
            if (policy.externalName.equalsIgnoreCase(value.trim())) {
                return policy;
            }
        }
        throw new IllegalArgumentException("expected 'drop' or 'reject'");
    }
}
