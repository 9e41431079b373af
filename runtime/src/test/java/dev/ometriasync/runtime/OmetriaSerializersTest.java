package dev.ometriasync.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ometriasync.annotation.OmetriaProduct;
import org.junit.jupiter.api.Test;

class OmetriaSerializersTest {

    /** Annotated, but no serializer was generated for it (the processor does not run on these tests). */
    @OmetriaProduct
    static class UngeneratedProduct {
    }

    static class UngeneratedProductProxy extends UngeneratedProduct {
    }

    @Test
    void aClassWithoutRecordAnnotationHasNoSerializer() {
        assertThat(OmetriaSerializers.find(String.class)).isEmpty();
        assertThatThrownBy(() -> OmetriaSerializers.of("text"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String is not an Ometria record");
    }

    @Test
    void lookupWalksUpToTheAnnotatedClass() {
        assertThat(OmetriaSerializers.annotatedClass(UngeneratedProductProxy.class)).isEqualTo(UngeneratedProduct.class);
    }

    @Test
    void aMissingGeneratedSerializerNamesTheFix() {
        assertThatThrownBy(() -> OmetriaSerializers.find(UngeneratedProductProxy.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OmetriaSerializersTest$UngeneratedProductOmetriaSerializer")
                .hasMessageContaining("annotationProcessorPaths");
    }
}
