package dev.ometriasync.hibernate.internal.backfill;

import dev.ometriasync.runtime.OmetriaRecord;
import java.util.List;

/**
 * Rows of one entity type read together, in id order, serialized while their session was open.
 *
 * @param target the entity type
 * @param items one per row
 * @param lastId the id of the last row (the keyset position after this chunk)
 */
record Chunk(BackfillTarget target, List<Item> items, Object lastId) {

    /**
     * One row: its record, or why it could not be serialized.
     *
     * @param entityId the entity id as text
     * @param record the full record, or null
     * @param failure why there is no record, or null
     */
    record Item(String entityId, OmetriaRecord record, String failure) {
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    String lastIdText() {
        return target.idText(lastId);
    }
}
