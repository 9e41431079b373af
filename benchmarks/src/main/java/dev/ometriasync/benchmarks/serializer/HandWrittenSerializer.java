package dev.ometriasync.benchmarks.serializer;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ometriasync.benchmarks.model.BenchContact;
import dev.ometriasync.benchmarks.model.BenchOrder;
import dev.ometriasync.spi.OmetriaSerializer;
import dev.ometriasync.schema.RecordType;
import java.io.IOException;
import java.util.Set;
import java.util.function.Function;

/**
 * The hand-written writers of {@link HandWrittenWriters} behind the serializer SPI, so that they reach the
 * pipeline the way a generated serializer does (full records only: the benchmark sends no partial ones).
 *
 * @param <T> the entity type
 */
final class HandWrittenSerializer<T> implements OmetriaSerializer<T> {

    private final RecordType type;
    private final String collection;
    private final Function<T, String> id;
    private final RecordWriters.StreamingWriter<T> writer;

    private HandWrittenSerializer(RecordType type, String collection, Function<T, String> id,
            RecordWriters.StreamingWriter<T> writer) {
        this.type = type;
        this.collection = collection;
        this.id = id;
        this.writer = writer;
    }

    static OmetriaSerializer<BenchContact> contact() {
        return new HandWrittenSerializer<>(RecordType.CONTACT, BenchContact.COLLECTION,
                contact -> contact.getId() == null ? null : contact.getId().toString(), HandWrittenWriters::writeContact);
    }

    static OmetriaSerializer<BenchOrder> order() {
        return new HandWrittenSerializer<>(RecordType.ORDER, null, BenchOrder::getNumber, HandWrittenWriters::writeOrder);
    }

    @Override
    public RecordType recordType() {
        return type;
    }

    @Override
    public String collection() {
        return collection;
    }

    @Override
    public String id(T entity) {
        return id.apply(entity);
    }

    @Override
    public Set<String> mappedProperties() {
        return Set.of();
    }

    @Override
    public void writeFull(T entity, JsonGenerator generator) throws IOException {
        writer.write(entity, generator);
    }

    @Override
    public void writePartial(T entity, Set<String> changedProperties, JsonGenerator generator) {
        throw new UnsupportedOperationException("the benchmark's hand-written writers write full records only");
    }
}
