package shop;

import dev.ometriasync.annotation.OmetriaAddress;
import dev.ometriasync.annotation.OmetriaField;
import jakarta.persistence.Embeddable;

@Embeddable
@OmetriaAddress
public record Address(@OmetriaField("city") String city, @OmetriaField("postcode") String postcode,
                      @OmetriaField("country_code") String country) {
}
