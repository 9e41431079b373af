package dev.ometriasync.benchmarks.serializer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The three ways of turning an entity into the bytes of one Ometria record that the serializer benchmark
 * compares. All three write to the same sink as {@link ObjectMapper#writeValueAsBytes}: a
 * {@link ByteArrayBuilder} on the factory's pooled {@link BufferRecycler}, so only the writing differs.
 */
public final class RecordWriters {

    /** A streaming writer: the generated serializer or the hand-written one. */
    @FunctionalInterface
    public interface StreamingWriter<T> {
        /**
         * @param value the entity
         * @param generator where the record is written
         * @throws IOException when the generator fails
         */
        void write(T value, JsonGenerator generator) throws IOException;
    }

    private final JsonFactory factory = JsonFactory.builder().build();

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .build();

    /** @return the reused, configured mapper (Jackson databind with the JSR-310 module) */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * @param value an entity annotated for Jackson
     * @return its JSON as written by Jackson databind
     */
    public byte[] databind(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param writer a streaming writer
     * @param value the entity
     * @param <T> the entity type
     * @return the record's JSON
     */
    public <T> byte[] streaming(StreamingWriter<T> writer, T value) {
        BufferRecycler recycler = factory._getBufferRecycler();
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(recycler)) {
            try (JsonGenerator generator = factory.createGenerator(bytes, JsonEncoding.UTF8)) {
                writer.write(value, generator);
            }
            byte[] result = bytes.toByteArray();
            bytes.release();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            recycler.releaseToPool();
        }
    }
}
