package dev.ometriasync.hibernate.internal;

import dev.ometriasync.schema.RecordType;

/** Converts outbox rows back into captured changes (rows are written by {@link OutboxRowInsert}). */
final class OutboxRows {

    private OutboxRows() {
    }

    static CapturedChange toChange(OutboxEntry row) {
        return new CapturedChange(OutboxOperation.valueOf(row.getOperation()), row.getEntityName(), null, row.getEntityId(),
                RecordType.fromJsonName(row.getOmetriaType()), row.getOmetriaCollection(), row.getOmetriaId(),
                ChangedProperties.parse(row.getChangedProperties()));
    }
}
