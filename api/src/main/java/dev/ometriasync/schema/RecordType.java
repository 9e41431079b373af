package dev.ometriasync.schema;

/** The record types Ometria's push endpoint accepts, each with its {@code @type} value and schema. */
public enum RecordType {
    /** A contact listing. */
    CONTACT("contact"),
    /** An order. */
    ORDER("order"),
    /** A product. */
    PRODUCT("product"),
    /** A custom event. */
    CUSTOM_EVENT("custom_event");

    private final String jsonName;

    RecordType(String jsonName) {
        this.jsonName = jsonName;
    }

    /**
     * The value written as {@code @type}.
     *
     * @return for example {@code "custom_event"}
     */
    public String jsonName() {
        return jsonName;
    }

    /**
     * The fields of this record type.
     *
     * @return the schema from {@link OmetriaSchema}
     */
    public ObjectSpec schema() {
        return switch (this) {
            case CONTACT -> OmetriaSchema.CONTACT;
            case ORDER -> OmetriaSchema.ORDER;
            case PRODUCT -> OmetriaSchema.PRODUCT;
            case CUSTOM_EVENT -> OmetriaSchema.CUSTOM_EVENT;
        };
    }

    /**
     * Finds the record type for a {@code @type} value.
     *
     * @param jsonName the {@code @type} value
     * @return the record type
     * @throws IllegalArgumentException when Ometria has no such type
     */
    public static RecordType fromJsonName(String jsonName) {
        for (RecordType type : values()) {
            if (type.jsonName.equals(jsonName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown Ometria @type '" + jsonName + "'; expected one of contact, order, product, custom_event");
    }
}
