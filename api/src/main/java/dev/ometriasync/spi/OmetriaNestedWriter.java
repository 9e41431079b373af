package dev.ometriasync.spi;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes a nested object (line item, address, variant option) inside a record. Generated at compile
 * time for {@code @OmetriaLineItem}, {@code @OmetriaAddress} and {@code @OmetriaVariantOption} types.
 *
 * @param <T> the Java type of the nested object
 */
public interface OmetriaNestedWriter<T> {

    /**
     * Writes the value as one JSON object, null fields omitted.
     *
     * @param value the nested value, never null
     * @param generator where the JSON object is written
     * @throws IOException when the generator fails
     */
    void write(T value, JsonGenerator generator) throws IOException;
}
