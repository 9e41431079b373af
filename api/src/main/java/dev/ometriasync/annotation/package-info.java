/**
 * The annotations a developer puts on existing JPA entities to map them to Ometria records.
 *
 * <p>A type-level annotation ({@link dev.ometriasync.annotation.OmetriaContact},
 * {@link dev.ometriasync.annotation.OmetriaOrder}, {@link dev.ometriasync.annotation.OmetriaProduct},
 * {@link dev.ometriasync.annotation.OmetriaCustomEvent}) marks a class as an Ometria record; the nested
 * object annotations ({@link dev.ometriasync.annotation.OmetriaLineItem},
 * {@link dev.ometriasync.annotation.OmetriaAddress}, {@link dev.ometriasync.annotation.OmetriaVariantOption},
 * {@link dev.ometriasync.annotation.OmetriaProductAttribute}, {@link dev.ometriasync.annotation.OmetriaProductListing})
 * mark the types written inside a record. Members are mapped with
 * {@link dev.ometriasync.annotation.OmetriaField} and {@link dev.ometriasync.annotation.OmetriaProperty};
 * {@link dev.ometriasync.annotation.OmetriaValue} gives an enum constant the value it is written as.
 *
 * <p>The annotation processor {@code ometria-sync-processor} checks every mapping at compile time and
 * generates one serializer per annotated type. This package depends on nothing outside the JDK.
 */
package dev.ometriasync.annotation;
