package dev.ometriasync.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ometriasync.runtime.internal.record.RecordEncoder;
import dev.ometriasync.spi.OmetriaSerializer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Turns annotated entities into Ometria records through their generated serializers. Useful in
 * application tests and for debugging a mapping.
 */
public final class OmetriaRecords {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private OmetriaRecords() {
    }

    /**
     * The full record of an entity: every mapped field, null values omitted.
     *
     * @param entity an instance of an annotated class (or a subclass or proxy of one)
     * @return the record as compact JSON
     * @throws IllegalArgumentException when the entity is not an Ometria record type
     */
    public static String toJson(Object entity) {
        return toJson(entity, null);
    }

    /**
     * The partial record of an entity for a set of changed Java attribute names.
     *
     * @param entity an instance of an annotated class
     * @param changedProperties top-level Java attribute names; {@code null} gives the full record
     * @return the record as compact JSON
     * @throws IllegalArgumentException when the entity is not an Ometria record type
     */
    public static String toJson(Object entity, Set<String> changedProperties) {
        OmetriaSerializer<Object> serializer = OmetriaSerializers.of(entity);
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            if (changedProperties == null) {
                serializer.writeFull(entity, generator);
            } else {
                serializer.writePartial(entity, changedProperties, generator);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The entity as a record for the push pipeline.
     *
     * @param entity an instance of an annotated class
     * @param changedProperties top-level Java attribute names; {@code null} gives the full record
     * @return the record
     * @throws IllegalArgumentException when the entity is not an Ometria record type or has no id
     */
    public static OmetriaRecord toRecord(Object entity, Set<String> changedProperties) {
        return toRecord(OmetriaSerializers.of(entity), entity, changedProperties);
    }

    /**
     * An entity as a record for the push pipeline, written by a given serializer (resolved once by the caller,
     * or written by hand against the SPI).
     *
     * @param serializer the serializer
     * @param entity the entity
     * @param changedProperties top-level Java attribute names; {@code null} gives the full record
     * @param <T> the entity type
     * @return the record
     * @throws IllegalArgumentException when the serializer writes no {@code @type} or no id
     */
    public static <T> OmetriaRecord toRecord(OmetriaSerializer<T> serializer, T entity, Set<String> changedProperties) {
        // The serializer writes each field once, straight into the bytes the record is sent as.
        RecordEncoder.Encoded written = RecordEncoder.capture(generator -> {
            if (changedProperties == null) {
                serializer.writeFull(entity, generator);
            } else {
                serializer.writePartial(entity, changedProperties, generator);
            }
        });
        return new OmetriaRecord(written.key(), changedProperties == null, written.encoded());
    }
}
