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
        assertThat(OmetriaSchema.LINE_ITEM.required())
                .containsExactly(Set.of("product_id"), Set.of("quantity"), Set.of("unit_price", "subtotal"));
        assertThat(OmetriaSchema.VARIANT_OPTION.required())
                .containsExactly(Set.of("id"), Set.of("type"), Set.of("label"));
        assertThat(OmetriaSchema.ORDER.recommended())
                .containsExactly(Set.of("timestamp"), Set.of("grand_total"), Set.of("currency"));
        assertThat(OmetriaSchema.CONTACT.recommended()).containsExactly(Set.of("email", "customer_id"));
    }

    @Test
    void serializerOwnedFieldsCannotBeMapped() {
        assertThat(OmetriaSchema.isWrittenBySerializer(RecordType.CONTACT, "@collection")).isTrue();
        assertThat(OmetriaSchema.isWrittenBySerializer(RecordType.CUSTOM_EVENT, "event_type")).isTrue();
        assertThat(OmetriaSchema.isWrittenBySerializer(RecordType.ORDER, "status")).isFalse();
    }
}
