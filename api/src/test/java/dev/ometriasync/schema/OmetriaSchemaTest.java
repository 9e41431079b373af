package dev.ometriasync.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OmetriaSchemaTest {

    @Test
    void everyRecordTypeHasAnIdField() {
        for (RecordType type : RecordType.values()) {
            assertThat(type.schema().field(OmetriaSchema.ID)).as(type.jsonName())
                    .hasValueSatisfying(field -> assertThat(field.isId()).isTrue());
            assertThat(type.schema().required()).as(type.jsonName()).contains(Set.of(OmetriaSchema.ID));
            assertThat(RecordType.fromJsonName(type.jsonName())).isEqualTo(type);
        }
    }

    @Test
    void dottedPathsResolveThroughNestedObjects() {
        assertThat(OmetriaSchema.CONTACT.resolve("channels.sms.allow_marketing"))
                .hasValueSatisfying(field -> assertThat(field.type()).isEqualTo(JsonType.BOOLEAN));
        assertThat(OmetriaSchema.CONTACT.resolve("channels.sms.allow_everything")).isEmpty();
        assertThat(OmetriaSchema.CONTACT.resolve("email.domain")).isEmpty();
        assertThat(OmetriaSchema.CONTACT.allPaths()).contains("channels.sms.dt_updated_marketing", "email");
    }

    @Test
    void nestedObjectsNameTheAnnotationTheirJavaTypeNeeds() {
        assertThat(OmetriaSchema.ORDER.field("customer").orElseThrow().nestedKind().annotation())
                .isEqualTo("dev.ometriasync.annotation.OmetriaContact");
        assertThat(OmetriaSchema.ORDER.field("lineitems").orElseThrow().nested()).isSameAs(OmetriaSchema.LINE_ITEM);
        assertThat(OmetriaSchema.LINE_ITEM.field("product_id").orElseThrow().nestedKind())
                .isEqualTo(NestedKind.PRODUCT_REFERENCE);
    }

    @Test
    void minimumFieldsFollowTheApiReference() {
        // A line item may embed its product instead of naming its id.
        assertThat(OmetriaSchema.LINE_ITEM.required())
                .containsExactly(Set.of("product_id", "product"), Set.of("quantity"), Set.of("unit_price", "subtotal"));
        assertThat(OmetriaSchema.VARIANT_OPTION.required())
                .containsExactly(Set.of("id"), Set.of("type"), Set.of("label"));
        assertThat(OmetriaSchema.ORDER.recommended())
                .containsExactly(Set.of("timestamp"), Set.of("grand_total"), Set.of("currency"));
        // A phone number alone identifies a contact in Ometria's SMS double opt-in.
        assertThat(OmetriaSchema.CONTACT.recommended()).containsExactly(Set.of("email", "customer_id", "phone_number"));
        // A custom event must be tied to a contact.
        assertThat(OmetriaSchema.CUSTOM_EVENT.required()).containsExactly(Set.of("id"), Set.of("event_type"),
                Set.of("identity_email", "identity_account_id", "profile_id"));
        assertThat(OmetriaSchema.PRODUCT_ATTRIBUTE.required()).containsExactly(Set.of("type"), Set.of("id", "value"));
        assertThat(OmetriaSchema.PRODUCT_LISTING.required()).containsExactly(Set.of("store_id"));
    }

    @Test
    void consentAndMoneyFieldsAreNeverDropped() {
        assertThat(OmetriaSchema.CONTACT.neverDropped("marketing_optin")).isTrue();
        assertThat(OmetriaSchema.CONTACT.neverDropped("channels")).isTrue();
        assertThat(OmetriaSchema.SMS_CHANNEL.neverDropped("allow_marketing")).isTrue();
        assertThat(OmetriaSchema.ORDER.neverDropped("currency")).isTrue();
        assertThat(OmetriaSchema.ORDER.neverDropped("grand_total")).isTrue();
        assertThat(OmetriaSchema.LINE_ITEM.neverDropped("unit_price")).isTrue();
        assertThat(OmetriaSchema.CONTACT.neverDropped("phone_number")).isFalse();
        assertThat(OmetriaSchema.ORDER.neverDropped("web_id")).isFalse();
        assertThat(OmetriaSchema.PRODUCT.neverDropped("price")).isFalse();
    }

    @Test
    void serializerOwnedFieldsCannotBeMapped() {
        assertThat(OmetriaSchema.isWrittenBySerializer(RecordType.CONTACT, "@collection")).isTrue();
        assertThat(OmetriaSchema.isWrittenBySerializer(RecordType.CUSTOM_EVENT, "event_type")).isTrue();
        assertThat(OmetriaSchema.isWrittenBySerializer(RecordType.ORDER, "status")).isFalse();
    }
}
