package dev.ometriasync.runtime.internal.pipeline;

import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.schema.RecordType;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One batch on its way to Ometria, from the first attempt to its final outcome, through retries. Its keys
 * stay in flight (newer changes park behind them) until it finishes. Only the pipeline's thread touches it.
 */
final class BatchRun {

    final List<PendingEntry> entries;
    final List<OmetriaRecord> records;
    final RecordType type;
    /** The retry execution; completes with the final attempt result. */
    CompletableFuture<AttemptResult> execution;
    boolean firstAttemptArrived;
    boolean inFlight;
    boolean finished;
    int attempts;
    /** An attempt got no answer (timeout, lost connection): Ometria may still process it later. */
    boolean unanswered;
    /** Every submitter withdrew its record before this run's next attempt: it is not sent again. */
    boolean withdrawn;

    BatchRun(List<PendingEntry> entries) {
        this.entries = List.copyOf(entries);
        this.records = this.entries.stream().map(PendingEntry::record).toList();
        this.type = this.records.get(0).type();
    }

    @Override
    public String toString() {
        return records.size() + " " + type.jsonName() + " record" + (records.size() == 1 ? "" : "s");
    }
}
