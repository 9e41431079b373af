package dev.ometriasync.spi;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ometriasync.schema.RecordType;
import java.io.IOException;
import java.util.Set;

/**
 * Writes one annotated entity type as Ometria JSON records. Implementations are generated at compile
 * time by {@code ometria-sync-processor}, one per {@code @OmetriaContact}, {@code @OmetriaOrder},
 * {@code @OmetriaProduct} and {@code @OmetriaCustomEvent} type, named {@code <BinaryName>OmetriaSerializer}
 * in the entity's package; they read members directly or through getters and use no reflection.
 *
 * @param <T> the entity type
 */
public interface OmetriaSerializer<T> {

    /**
     * The Ometria record type, written as {@code @type}.
     *
     * @return the record type
     */
    RecordType recordType();

    /**
     * The contact collection written as {@code @collection}.
     *
     * @return the collection for contacts that declare one; otherwise {@code null}
     */
    String collection();

    /**
     * The entity's Ometria record id, as the string that is written in the record.
     *
     * @param entity the entity
     * @return the id, or {@code null} when the id member is null (the record then cannot be sent)
     */
    String id(T entity);

    /**
     * The Java attribute names this serializer reads: a change to any other attribute needs no record.
     *
     * @return top-level Java property names, as Hibernate reports them as dirty
     */
    Set<String> mappedProperties();

    /**
     * Writes the full record: every mapped field, null values omitted.
     *
     * @param entity the entity
     * @param generator where the JSON object is written
     * @throws IOException when the generator fails
     */
    void writeFull(T entity, JsonGenerator generator) throws IOException;

    /**
     * Writes a partial record: {@code @type}, {@code id}, a contact's {@code @collection}, and the fields
     * read from the changed properties; a changed field whose value is now null is written as JSON
     * {@code null} so that Ometria deletes the stored value.
     *
     * @param entity the entity
     * @param changedProperties top-level Java attribute names that changed; {@code null} means all
     * @param generator where the JSON object is written
     * @throws IOException when the generator fails
     */
    void writePartial(T entity, Set<String> changedProperties, JsonGenerator generator) throws IOException;
}
