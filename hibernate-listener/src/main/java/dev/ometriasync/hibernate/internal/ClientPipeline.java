package dev.ometriasync.hibernate.internal;

import dev.ometriasync.runtime.OmetriaClient;
import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.Outcome;
import dev.ometriasync.runtime.Priority;
import dev.ometriasync.runtime.RecordKey;
import dev.ometriasync.runtime.internal.client.PushResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A small stand-in for the runtime's push pipeline, used until {@code OmetriaPipeline} is available:
 * one sender thread, coalescing per record key (later fields win, a full record replaces), batches of one
 * type, a spacing of 1/rate between requests, backoff on 429 and retryable failures until the retry
 * budget is spent. Every coalesced record's future completes with the outcome of the request that
 * carried the merged record.
 */
final class ClientPipeline implements RecordPipeline {

    private static final class Pending {
        OmetriaRecord record;
        final List<CompletableFuture<Outcome>> futures = new ArrayList<>();
        final long firstQueuedNanos = System.nanoTime();

        Pending(OmetriaRecord record) {
            this.record = record;
        }
    }

    private final OmetriaClient client;
    private final int maxBatchSize;
    private final long spacingNanos;
    private final Duration retryMaxDuration;
    private final Map<RecordKey, Pending> queue = new LinkedHashMap<>();
    private final Thread sender;
    private volatile boolean closed;
    private int inFlight;
    private long nextSendNanos = System.nanoTime();
    /**
     * Completion times of the last requests. A request arrives at Ometria before its response completes, so
     * sending only when the oldest of the last {@code perWindow} requests completed more than a second ago
     * keeps every sliding second of arrivals within the rate, whatever the network delays.
     */
    private final java.util.ArrayDeque<Long> recentCompletions = new java.util.ArrayDeque<>();
    private final int perWindow;
    private static final long WINDOW_NANOS = 1_020_000_000L;

    ClientPipeline(OmetriaClient client, double requestsPerSecond, int maxBatchSize, Duration retryMaxDuration) {
        this.client = client;
        this.maxBatchSize = maxBatchSize;
        this.spacingNanos = (long) (1_000_000_000L / (requestsPerSecond * 0.9));
        this.perWindow = Math.max(1, (int) Math.floor(requestsPerSecond));
        this.retryMaxDuration = retryMaxDuration;
        this.sender = new Thread(this::run, "ometria-push");
        sender.setDaemon(true);
        sender.start();
    }

    @Override
    public CompletionStage<Outcome> submit(OmetriaRecord record, Priority priority) {
        CompletableFuture<Outcome> future = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                future.complete(Outcome.abandoned("pipeline closed"));
                return future;
            }
            Pending pending = queue.get(record.key());
            if (pending == null) {
                pending = new Pending(record);
                queue.put(record.key(), pending);
            } else {
                pending.record = pending.record.mergedWith(record);
            }
            pending.futures.add(future);
            notifyAll();
        }
        return future;
    }

    @Override
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!queue.isEmpty() || inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    @Override
    public void close() {
        List<Pending> left;
        synchronized (this) {
            closed = true;
            left = new ArrayList<>(queue.values());
            queue.clear();
            notifyAll();
        }
        sender.interrupt();
        left.forEach(p -> p.futures.forEach(f -> f.complete(Outcome.abandoned("pipeline closed"))));
    }

    private void run() {
        while (!closed) {
            List<Pending> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                return;
            }
            send(batch);
        }
    }

    private synchronized List<Pending> nextBatch() throws InterruptedException {
        while (queue.isEmpty()) {
            if (closed) {
                throw new InterruptedException();
            }
            wait(1_000);
        }
        awaitPermit(); // wait for the rate permit before taking the batch, so that records arriving meanwhile join it
        List<Pending> batch = new ArrayList<>();
        var type = queue.values().iterator().next().record.type();
        var it = queue.values().iterator();
        while (it.hasNext() && batch.size() < maxBatchSize) {
            Pending pending = it.next();
            if (pending.record.type() == type) {
                batch.add(pending);
                it.remove();
            }
        }
        inFlight = batch.size();
        return batch;
    }

    private void send(List<Pending> batch) {
        long backoffMillis = 250;
        boolean permitted = true;
        while (true) {
            PushResult result;
            try {
                if (!permitted) {
                    awaitPermit();
                }
                permitted = false;
                result = client.push(batch.stream().map(p -> p.record).toList()).get();
                recordCompletion();
            } catch (InterruptedException e) {
                finish(batch, Outcome.abandoned("pipeline closed"));
                return;
            } catch (Exception e) {
                result = new PushResult.Retryable(-1, e.toString());
            }
            if (result instanceof PushResult.Accepted accepted) {
                finish(batch, Outcome.accepted(accepted.requestId()));
                return;
            }
            if (result instanceof PushResult.BadRequest bad) {
                finish(batch, Outcome.rejected("HTTP " + bad.statusCode() + ": " + bad.reason()));
                return;
            }
            if (result instanceof PushResult.Unauthorized unauthorized) {
                finish(batch, Outcome.abandoned("API key refused (HTTP " + unauthorized.statusCode() + ")"));
                return;
            }
            long age = System.nanoTime() - batch.get(0).firstQueuedNanos;
            if (!(result instanceof PushResult.RateLimited) && age > retryMaxDuration.toNanos()) {
                finish(batch, Outcome.deadLettered(result.toString()));
                return;
            }
            if (closed) {
                finish(batch, Outcome.abandoned("pipeline closed"));
                return;
            }
            try {
                Thread.sleep(backoffMillis + ThreadLocalRandom.current().nextLong(backoffMillis / 2 + 1));
            } catch (InterruptedException e) {
                finish(batch, Outcome.abandoned("pipeline closed"));
                return;
            }
            backoffMillis = Math.min(backoffMillis * 2, 30_000);
        }
    }

    private synchronized void awaitPermit() throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            long allowed = Math.max(nextSendNanos,
                    recentCompletions.size() < perWindow ? now : recentCompletions.peekFirst() + WINDOW_NANOS);
            if (now >= allowed) {
                nextSendNanos = now + spacingNanos;
                return;
            }
            TimeUnit.NANOSECONDS.timedWait(this, allowed - now);
        }
    }

    private synchronized void recordCompletion() {
        recentCompletions.addLast(System.nanoTime());
        while (recentCompletions.size() > perWindow) {
            recentCompletions.removeFirst();
        }
    }

    private void finish(List<Pending> batch, Outcome outcome) {
        synchronized (this) {
            inFlight = 0;
            notifyAll();
        }
        batch.forEach(p -> p.futures.forEach(f -> f.complete(outcome)));
    }
}
