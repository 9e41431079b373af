package dev.ometriasync.schema;

/**
 * Which annotated Java type may supply a nested object (or, for {@link #PRODUCT_REFERENCE}, a string
 * id). The processor requires the member's type (or collection element type) to carry the annotation.
 */
public enum NestedKind {
    /** Not a nested field. */
    NONE(null),
    /** An order's {@code customer}, written from an {@code @OmetriaContact} type. */
    CUSTOMER("dev.ometriasync.annotation.OmetriaContact"),
    /** A {@code shipping_address} or {@code billing_address}, from an {@code @OmetriaAddress} type. */
    ADDRESS("dev.ometriasync.annotation.OmetriaAddress"),
    /** An order's {@code lineitems}, from a collection of an {@code @OmetriaLineItem} type. */
    LINE_ITEM("dev.ometriasync.annotation.OmetriaLineItem"),
    /** A line item's {@code variant_options}, from a collection of an {@code @OmetriaVariantOption} type. */
    VARIANT_OPTION("dev.ometriasync.annotation.OmetriaVariantOption"),
    /** A line item's {@code product_id} given as an {@code @OmetriaProduct} entity: its Ometria id is written. */
    PRODUCT_REFERENCE("dev.ometriasync.annotation.OmetriaProduct"),
    /** A product's {@code attributes}, from a collection of an {@code @OmetriaProductAttribute} type. */
    PRODUCT_ATTRIBUTE("dev.ometriasync.annotation.OmetriaProductAttribute"),
    /** A product's store listings, from a collection of an {@code @OmetriaProductListing} type. */
    PRODUCT_LISTING("dev.ometriasync.annotation.OmetriaProductListing");

    private final String annotation;

    NestedKind(String annotation) {
        this.annotation = annotation;
    }

    /**
     * The fully qualified name of the type-level annotation the Java type must carry.
     *
     * @return the annotation's canonical name, or {@code null} for {@link #NONE}
     */
    public String annotation() {
        return annotation;
    }
}
