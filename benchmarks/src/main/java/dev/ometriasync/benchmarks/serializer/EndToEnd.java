package dev.ometriasync.benchmarks.serializer;

import dev.ometriasync.runtime.InvalidFieldPolicy;
import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.OmetriaRecords;
import dev.ometriasync.runtime.internal.client.PushRequestBody;
import dev.ometriasync.runtime.internal.validation.RecordValidator;
import dev.ometriasync.runtime.internal.validation.ValidationResult;
import dev.ometriasync.spi.OmetriaSerializer;
import java.util.List;

/**
 * One entity to the bytes of a push request, through the stages every record passes in the pipeline: the
 * record is written (by a serializer into the record's own bytes, or by Jackson databind and then read into
 * a record), checked against the schema catalogue and the 60,000-byte limit ({@link RecordValidator} with the
 * default policy), and copied into the request body. The benchmark reaches into the runtime's internals on
 * purpose: the validator and the body writer are what it measures, and they have no public API.
 */
public final class EndToEnd {

    private final RecordWriters writers = new RecordWriters();
    private final RecordValidator validator = new RecordValidator(InvalidFieldPolicy.DROP_FIELD);

    /**
     * @param serializer a serializer resolved once (generated, or hand-written against the SPI)
     * @param entity the entity
     * @param <T> the entity type
     * @return the request body carrying its full record
     */
    public <T> byte[] throughSerializer(OmetriaSerializer<T> serializer, T entity) {
        return requestBody(OmetriaRecords.toRecord(serializer, entity, null));
    }

    /**
     * @param entity an entity annotated for Jackson
     * @return the request body carrying the record Jackson databind wrote
     */
    public byte[] throughDatabind(Object entity) {
        return requestBody(OmetriaRecord.parse(writers.databind(entity), true));
    }

    private byte[] requestBody(OmetriaRecord record) {
        ValidationResult result = validator.validate(record);
        if (!(result instanceof ValidationResult.Valid valid) || !valid.droppedFields().isEmpty()) {
            throw new IllegalStateException("the benchmark's records must be valid: " + result);
        }
        return PushRequestBody.of(List.of(valid.record()));
    }
}
