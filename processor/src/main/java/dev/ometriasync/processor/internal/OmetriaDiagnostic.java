package dev.ometriasync.processor.internal;

import java.util.Locale;

/**
 * Every message the processor can report: a stable tag (users search for it, tests assert it), a
 * severity, and a format that says how to fix the problem. Warnings become errors with
 * {@code -Aometria.strict=true}.
 */
public enum OmetriaDiagnostic {

    /** A mapped name that the record type or nested object does not have. */
    UNKNOWN_FIELD("OmetriaUnknownField", Severity.ERROR,
            "'%s' is not a field of an Ometria %s. %s"),
    /** A Java type that cannot be written as the target field's JSON type. */
    TYPE_MISMATCH("OmetriaTypeMismatch", Severity.ERROR,
            "%s of type %s cannot be written to '%s', %s. Use %s."),
    /** A record type with no member mapped to {@code id}. */
    MISSING_ID("OmetriaMissingId", Severity.ERROR,
            "%s is an Ometria %s but no member is mapped to its id. Add @OmetriaField(\"id\") to the member that holds"
                    + " a stable, non-personal identifier (usually the @Id)."),
    /** Two members mapped to the same target field. */
    DUPLICATE_FIELD("OmetriaDuplicateField", Severity.ERROR,
            "%s maps '%s', which %s already maps. Remove one of the two mappings."),
    /** A mapped member generated code in the same package cannot read. */
    UNREADABLE_MEMBER("OmetriaUnreadableMember", Severity.ERROR,
            "%s cannot be read by the generated serializer in package '%s': %s"),
    /** An annotated method that is not a getter. */
    NOT_A_GETTER("OmetriaNotAGetter", Severity.ERROR,
            "%s is not a getter: %s. Annotate the field instead, or a method named get<Name>() / is<Name>() /"
                    + " <name>() without parameters that returns the value."),
    /** A {@code LocalDateTime} mapped to a timestamp without a zone. */
    ZONE_REQUIRED("OmetriaZoneRequired", Severity.ERROR,
            "%s is a LocalDateTime mapped to timestamp '%s', which needs an offset. Say which zone the value is in,"
                    + " for example @OmetriaField(value = \"%s\", zone = \"UTC\"), or use Instant / OffsetDateTime."),
    /** A zone attribute that names no zone. */
    INVALID_ZONE("OmetriaInvalidZone", Severity.ERROR,
            "zone \"%s\" is not a time zone id. %s"),
    /** A nested field whose Java type lacks the matching type-level annotation. */
    NESTED_TYPE_NOT_ANNOTATED("OmetriaNestedTypeNotAnnotated", Severity.ERROR,
            "%s is mapped to '%s', so its type %s must be annotated @%s."),
    /** Two type-level annotations on one class. */
    CONFLICTING_RECORD_ANNOTATIONS("OmetriaConflictingRecordAnnotations", Severity.ERROR,
            "%s carries both @%s and @%s; a class maps to exactly one Ometria type. Keep one of them."),
    /** A type-level annotation on something that cannot be serialized. */
    INVALID_TARGET("OmetriaInvalidTarget", Severity.ERROR,
            "@%s cannot be used on %s: %s"),
    /** A nested or inner annotated type that generated code cannot reach. */
    UNREACHABLE_TYPE("OmetriaUnreachableType", Severity.ERROR,
            "%s is %s, so the generated serializer in its package cannot use it. %s"),
    /** A custom event type longer than Ometria keeps. */
    EVENT_TYPE_TOO_LONG("OmetriaEventTypeTooLong", Severity.ERROR,
            "event type \"%s\" has %d characters; Ometria truncates event types longer than %d. Choose a shorter name."),
    /** A blank custom event type. */
    EMPTY_EVENT_TYPE("OmetriaEmptyEventType", Severity.ERROR,
            "the event type of %s is blank. Give the event type configured in your Ometria account,"
                    + " for example @OmetriaCustomEvent(eventType = \"wishlist_added\")."),
    /** A blank {@code @OmetriaProperty} name. */
    EMPTY_PROPERTY_NAME("OmetriaEmptyPropertyName", Severity.ERROR,
            "%s has a blank @OmetriaProperty name. Give the key it is written under in 'properties',"
                    + " for example @OmetriaProperty(\"loyalty_tier\")."),
    /** A recommended field that no member maps (warning; error in strict mode). */
    MISSING_RECOMMENDED("OmetriaMissingRecommended", Severity.WARNING,
            "%s maps no %s; Ometria needs it %s. Map a member with @OmetriaField(\"%s\")."),
    /** A custom event type that maps none of the fields tying an event to a contact (warning; error in strict mode). */
    EVENT_WITHOUT_IDENTITY("OmetriaEventWithoutIdentity", Severity.WARNING,
            "%s maps none of %s; Ometria queues such an event but ties it to no contact, so it can drive no"
                    + " automation, and the runtime rejects it. Map the member that identifies the person, for example"
                    + " @OmetriaField(\"identity_email\") or @OmetriaField(\"identity_account_id\")."),
    /** An order's customer whose contact type maps no {@code customer_id} (warning; error in strict mode). */
    CUSTOMER_WITHOUT_ID("OmetriaCustomerWithoutId", Severity.WARNING,
            "%s is written as the order's customer, but contact %s maps no customer_id, so the customer object has"
                    + " no id and Ometria links the order by e-mail only. Map the account id with"
                    + " @OmetriaField(\"customer_id\") in %s."),
    /** An enum constant that maps to none of the values a field with a fixed value set accepts. */
    ENUM_VALUE_NOT_ALLOWED("OmetriaEnumValueNotAllowed", Severity.ERROR,
            "enum constant %s is written as \"%s\", which '%s' does not accept (%s maps the enum there). Allowed"
                    + " values: %s. %s"),
    /** A nested type compiled elsewhere without the processor, so its generated serializer is missing. */
    SERIALIZER_MISSING("OmetriaSerializerMissing", Severity.ERROR,
            "%s is written by %s, the serializer generated for %s, but it is not on the class path: %s was compiled"
                    + " without the ometria-sync processor. Run the processor on the module that holds it: add"
                    + " dev.ometriasync:ometria-sync-processor to that module's maven-compiler-plugin"
                    + " annotationProcessorPaths (Gradle: its annotationProcessor dependencies), as the README's setup"
                    + " shows."),
    /** A type another processor should have generated and none did. */
    UNRESOLVED_TYPE("OmetriaUnresolvedType", Severity.ERROR,
            "%s uses type %s, which does not exist after annotation processing ended. If another annotation processor"
                    + " generates it, make sure that processor is in annotationProcessorPaths; otherwise fix the type name."),
    /** An unexpected failure inside the processor. */
    INTERNAL_ERROR("OmetriaInternalError", Severity.ERROR,
            "the Ometria processor failed on %s: %s. No serializer was generated for it. Please report this with the"
                    + " class; at %s");

    /** How a diagnostic is reported. */
    public enum Severity {
        /** Always an error. */
        ERROR,
        /** A warning, or an error in strict mode. */
        WARNING
    }

    private final String tag;
    private final Severity severity;
    private final String format;

    OmetriaDiagnostic(String tag, Severity severity, String format) {
        this.tag = tag;
        this.severity = severity;
        this.format = format;
    }

    /**
     * The stable tag, without brackets.
     *
     * @return for example {@code OmetriaUnknownField}
     */
    public String tag() {
        return tag;
    }

    /**
     * The severity outside strict mode.
     *
     * @return error or warning
     */
    public Severity severity() {
        return severity;
    }

    /**
     * The full message text.
     *
     * @param args the format arguments
     * @return {@code [Tag] message}
     */
    public String format(Object... args) {
        return "[" + tag + "] " + String.format(Locale.ROOT, format, args);
    }
}
