package dev.ometriasync.runtime.internal.client;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ometriasync.runtime.OmetriaRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes a batch as the body of a push request: a JSON array of records, UTF-8. */
final class PushRequestBody {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private PushRequestBody() {
    }

    /**
     * Writes the records.
     *
     * @param records the batch
     * @return the UTF-8 bytes of the JSON array
     */
    static byte[] of(List<OmetriaRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * records.size());
        try (JsonGenerator generator = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            generator.writeStartArray();
            for (OmetriaRecord record : records) {
                record.writeTo(generator);
            }
            generator.writeEndArray();
        } catch (IOException e) {
            // Writing to memory does not fail for I/O reasons; a raw value the generator refuses would.
            throw new UncheckedIOException("could not write the push request body", e);
        }
        return out.toByteArray();
    }
}
