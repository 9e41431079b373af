package dev.ometriasync.runtime.internal.client;

import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.internal.record.EncodedRecord;
import dev.ometriasync.runtime.internal.record.RecordAccess;
import java.util.List;

/**
 * Writes a batch as the body of a push request: a JSON array of records, UTF-8. Each record already holds
 * the bytes it is sent as, so the body is those bytes between brackets and commas, copied once into an array
 * of exactly the body's size.
 */
public final class PushRequestBody {

    private PushRequestBody() {
    }

    /**
     * Writes the records.
     *
     * @param records the batch
     * @return the UTF-8 bytes of the JSON array
     */
    public static byte[] of(List<OmetriaRecord> records) {
        int size = 2 + Math.max(0, records.size() - 1);
        for (OmetriaRecord record : records) {
            size += RecordAccess.encoded(record).size();
        }
        byte[] body = new byte[size];
        int position = 0;
        body[position++] = '[';
        for (OmetriaRecord record : records) {
            if (position > 1) {
                body[position++] = ',';
            }
            EncodedRecord encoded = RecordAccess.encoded(record);
            position = encoded.copyTo(body, position);
        }
        body[position] = ']';
        return body;
    }
}
