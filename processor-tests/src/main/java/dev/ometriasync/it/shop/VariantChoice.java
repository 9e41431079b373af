package dev.ometriasync.it.shop;

import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaVariantOption;
import jakarta.persistence.Embeddable;

/** A line's chosen variant, such as size M. */
@Embeddable
@OmetriaVariantOption
public class VariantChoice {

    @OmetriaField("id")
    private String code;

    @OmetriaField("type")
    private String type;

    @OmetriaField("label")
    private String label;

    protected VariantChoice() {
    }

    public VariantChoice(String code, String type, String label) {
        this.code = code;
        this.type = type;
        this.label = label;
    }

    public String getCode() {
        return code;
    }

    public String getType() {
        return type;
    }

    public String getLabel() {
        return label;
    }
}
