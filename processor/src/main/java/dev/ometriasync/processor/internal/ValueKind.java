package dev.ometriasync.processor.internal;

/** How one Java value is written as JSON; chosen by {@link ValueClassifier} from the type rules. */
public enum ValueKind {
    /** {@code String}: written as is. */
    STRING,
    /** Any other {@code CharSequence}: {@code toString()}. */
    CHAR_SEQUENCE,
    /** An enum constant: {@code name()}. */
    ENUM,
    /** {@code UUID}, {@code BigInteger} ids: {@code toString()}. */
    TO_STRING,
    /** An integral number mapped to a string id: {@code String.valueOf}. */
    INTEGRAL_STRING,
    /** {@code java.util.Currency}: its ISO 4217 code. */
    CURRENCY_CODE,
    /** {@code java.util.Locale} for a country field: its country, omitted when the locale names none. */
    LOCALE_COUNTRY,
    /** {@code java.util.Locale} as a custom property: its language tag. */
    LOCALE_TAG,
    /** {@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime}, {@code java.util.Date}: ISO-8601 with offset. */
    TIMESTAMP,
    /** {@code LocalDateTime} with a declared zone: ISO-8601 with that zone's offset. */
    LOCAL_DATE_TIME,
    /** {@code LocalDate}: {@code YYYY-MM-DD}. */
    DATE,
    /** {@code byte}, {@code short}, {@code int}, {@code long} and their boxes. */
    INTEGRAL_NUMBER,
    /** {@code float}, {@code double} and their boxes: NaN and infinities are rejected. */
    FLOATING_NUMBER,
    /** {@code BigDecimal}: plain notation. */
    BIG_DECIMAL,
    /** {@code BigInteger} as a number. */
    BIG_INTEGER,
    /** {@code boolean} and {@code Boolean}. */
    BOOLEAN,
    /** A collection or array of strings or enum constants. */
    STRING_ARRAY,
    /** A {@code Map<String, ?>}: a free-form object. */
    FREE_OBJECT,
    /** An {@code @OmetriaContact} entity written as an order's customer. */
    CUSTOMER,
    /** An {@code @OmetriaProduct} entity written as its Ometria id. */
    PRODUCT_ID,
    /** An {@code @OmetriaAddress} (or other nested) object. */
    NESTED_OBJECT,
    /** A collection or array of nested objects: line items, variant options. */
    NESTED_ARRAY;

    /**
     * Whether the value is converted into a possibly-null string before it is written, so that the
     * null check applies to the converted value.
     *
     * @return true for locale countries and product references
     */
    public boolean convertsBeforeNullCheck() {
        return this == LOCALE_COUNTRY || this == PRODUCT_ID;
    }
}
