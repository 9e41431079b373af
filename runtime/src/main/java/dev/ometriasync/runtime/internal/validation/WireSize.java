package dev.ometriasync.runtime.internal.validation;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ometriasync.runtime.OmetriaRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Measures a record as Ometria does: the bytes of its UTF-8 JSON, without building the string. */
final class WireSize {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private WireSize() {
    }

    /**
     * The size of the record as it is sent.
     *
     * @param record the record
     * @return its UTF-8 JSON size in bytes
     */
    static long bytes(OmetriaRecord record) {
        Counter counter = new Counter();
        try (JsonGenerator generator = JSON.createGenerator(counter, JsonEncoding.UTF8)) {
            record.writeTo(generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counter.count;
    }

    /**
     * The size of one raw JSON value, for naming the largest field of an oversized record.
     *
     * @param rawJson the value
     * @return its UTF-8 size in bytes
     */
    static long bytes(String rawJson) {
        return rawJson.getBytes(StandardCharsets.UTF_8).length;
    }

    private static final class Counter extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
