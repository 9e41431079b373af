package dev.ometriasync.processor.internal;

import dev.ometriasync.schema.NestedKind;
import dev.ometriasync.schema.ObjectSpec;
import dev.ometriasync.schema.OmetriaSchema;
import dev.ometriasync.schema.RecordType;
import java.util.Optional;

/** What a type-level annotation makes of a class: a record type or a nested object. */
public enum TargetKind {
    /** {@code @OmetriaContact}. */
    CONTACT("OmetriaContact", RecordType.CONTACT, NestedKind.CUSTOMER, RecordType.CONTACT.schema()),
    /** {@code @OmetriaOrder}. */
    ORDER("OmetriaOrder", RecordType.ORDER, NestedKind.NONE, RecordType.ORDER.schema()),
    /** {@code @OmetriaProduct}. */
    PRODUCT("OmetriaProduct", RecordType.PRODUCT, NestedKind.PRODUCT_REFERENCE, RecordType.PRODUCT.schema()),
    /** {@code @OmetriaCustomEvent}. */
    CUSTOM_EVENT("OmetriaCustomEvent", RecordType.CUSTOM_EVENT, NestedKind.NONE, RecordType.CUSTOM_EVENT.schema()),
    /** {@code @OmetriaLineItem}. */
    LINE_ITEM("OmetriaLineItem", null, NestedKind.LINE_ITEM, OmetriaSchema.LINE_ITEM),
    /** {@code @OmetriaAddress}. */
    ADDRESS("OmetriaAddress", null, NestedKind.ADDRESS, OmetriaSchema.ADDRESS),
    /** {@code @OmetriaVariantOption}. */
    VARIANT_OPTION("OmetriaVariantOption", null, NestedKind.VARIANT_OPTION, OmetriaSchema.VARIANT_OPTION),
    /** {@code @OmetriaProductAttribute}. */
    PRODUCT_ATTRIBUTE("OmetriaProductAttribute", null, NestedKind.PRODUCT_ATTRIBUTE, OmetriaSchema.PRODUCT_ATTRIBUTE),
    /** {@code @OmetriaProductListing}. */
    PRODUCT_LISTING("OmetriaProductListing", null, NestedKind.PRODUCT_LISTING, OmetriaSchema.PRODUCT_LISTING);

    private final String simpleName;
    private final RecordType recordType;
    private final NestedKind nestedKind;
    private final ObjectSpec spec;

    TargetKind(String simpleName, RecordType recordType, NestedKind nestedKind, ObjectSpec spec) {
        this.simpleName = simpleName;
        this.recordType = recordType;
        this.nestedKind = nestedKind;
        this.spec = spec;
    }

    /**
     * The annotation's simple name.
     *
     * @return for example {@code OmetriaContact}
     */
    public String simpleName() {
        return simpleName;
    }

    /**
     * The annotation's qualified name.
     *
     * @return for example {@code dev.ometriasync.annotation.OmetriaContact}
     */
    public String annotationName() {
        return AnnotationMirrors.PACKAGE + simpleName;
    }

    /**
     * The record type, for record annotations.
     *
     * @return the record type, or null for nested objects
     */
    public RecordType recordType() {
        return recordType;
    }

    /**
     * Whether the type is a record type (contact, order, product, custom event).
     *
     * @return true for record types
     */
    public boolean isRecord() {
        return recordType != null;
    }

    /**
     * The fields the annotated type's members may map.
     *
     * @return the object spec
     */
    public ObjectSpec spec() {
        return spec;
    }

    /**
     * Finds the kind for an annotation name.
     *
     * @param annotationName a qualified annotation name
     * @return the kind, or empty when it is not an ometria type-level annotation
     */
    public static Optional<TargetKind> forAnnotation(String annotationName) {
        for (TargetKind kind : values()) {
            if (kind.annotationName().equals(annotationName)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * Finds the kind that supplies a nested field.
     *
     * @param nested the nested kind of a field
     * @return the target kind whose annotation the field's type must carry
     */
    public static TargetKind supplying(NestedKind nested) {
        for (TargetKind kind : values()) {
            if (kind.nestedKind == nested && (nested != NestedKind.CUSTOMER || kind == CONTACT)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no annotation supplies " + nested);
    }
}
