package dev.ometriasync.hibernate.internal.backfill;

import dev.ometriasync.hibernate.backfill.BackfillRejection;
import dev.ometriasync.runtime.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A chunk handed to the pipeline: the futures of its records, and the rows that could not be serialized.
 */
final class InFlightChunk {

    /**
     * What became of a chunk once every record has an outcome.
     *
     * @param accepted records Ometria accepted
     * @param rejections records not delivered
     * @param abandonedReason why the pipeline gave records back unsent (closed, API key refused), or null
     */
    record Result(long accepted, List<BackfillRejection> rejections, String abandonedReason) {
    }

    private final String lastIdText;
    private final List<String> entityIds = new ArrayList<>();
    private final List<CompletableFuture<Outcome>> futures = new ArrayList<>();
    private final List<BackfillRejection> unserializable = new ArrayList<>();
    private final String entityName;

    InFlightChunk(String entityName, String lastIdText) {
        this.entityName = entityName;
        this.lastIdText = lastIdText;
    }

    void add(String entityId, CompletableFuture<Outcome> future) {
        entityIds.add(entityId);
        futures.add(future);
    }

    void unserializable(String entityId, String reason) {
        unserializable.add(new BackfillRejection(entityName, entityId, Outcome.Status.REJECTED, reason));
    }

    /** Records handed to the pipeline. */
    int submitted() {
        return futures.size();
    }

    String lastIdText() {
        return lastIdText;
    }

    /**
     * Waits until every record of the chunk has an outcome.
     *
     * @return the tally
     * @throws InterruptedException when the waiting thread is interrupted
     */
    Result await() throws InterruptedException {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
            // tallied per future below
        }
        long accepted = 0;
        List<BackfillRejection> rejections = new ArrayList<>(unserializable);
        String abandoned = null;
        for (int i = 0; i < futures.size(); i++) {
            Outcome outcome;
            try {
                outcome = futures.get(i).join();
            } catch (CompletionException e) {
                outcome = Outcome.abandoned("the pipeline failed: " + e.getCause());
            }
            switch (outcome.status()) {
                case ACCEPTED -> accepted++;
                case REJECTED, DEAD_LETTERED -> rejections.add(new BackfillRejection(entityName, entityIds.get(i), outcome.status(),
                        outcome.reason() == null ? outcome.status().name().toLowerCase(java.util.Locale.ROOT) : outcome.reason()));
                case ABANDONED -> abandoned = abandoned == null ? outcome.reason() : abandoned;
            }
        }
        return new Result(accepted, rejections, abandoned);
    }
}
