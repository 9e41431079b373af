package shop;

import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaVariantOption;
import jakarta.persistence.Embeddable;

@Embeddable
@OmetriaVariantOption
public class Size {
    @OmetriaField("id") String code;
    @OmetriaField("type") String type;
    @OmetriaField("label") String label;
}
