package dev.ometriasync.it.catalogue;

import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaProductAttribute;
import jakarta.persistence.Embeddable;

/**
 * One attribute of a product: an option chosen from a list ({@code id}) or a free value ({@code value}), as
 * Ometria's recommendations and filters read them.
 *
 * @param type the attribute, such as {@code colour}
 * @param optionId the chosen option's id, for list attributes
 * @param value the value, for free attributes
 * @param label what shoppers see
 */
@Embeddable
@OmetriaProductAttribute
public record ProductAttribute(
        @OmetriaField("type") String type,
        @OmetriaField("id") String optionId,
        @OmetriaField("value") String value,
        @OmetriaField("label") String label) {

    /** An option chosen from a list. */
    public static ProductAttribute option(String type, String optionId, String label) {
        return new ProductAttribute(type, optionId, null, label);
    }

    /** A free value. */
    public static ProductAttribute value(String type, String value, String label) {
        return new ProductAttribute(type, null, value, label);
    }
}
