package dev.ometriasync.runtime;

import dev.ometriasync.runtime.internal.pipeline.BatchSender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A {@link BatchSender} whose answers a test scripts, for the scheduler's own logic. The Done-means
 * tests go through the real client and the simulator instead.
 */
final class ScriptedTransport implements BatchSender {

    record Request(Instant at, List<OmetriaRecord> records, CompletableFuture<PushResult> response) {
    }

    private final ManualTime time;
    private final List<Request> requests = new ArrayList<>();
    private volatile Function<List<OmetriaRecord>, PushResult> script;

    ScriptedTransport(ManualTime time, Function<List<OmetriaRecord>, PushResult> script) {
        this.time = time;
        this.script = script;
    }

    /** null answers leave the request open for the test to complete. */
    void script(Function<List<OmetriaRecord>, PushResult> script) {
        this.script = script;
    }

    @Override
    public CompletableFuture<PushResult> send(List<OmetriaRecord> records) {
        CompletableFuture<PushResult> response = new CompletableFuture<>();
        synchronized (this) {
            requests.add(new Request(time.now(), List.copyOf(records), response));
        }
        PushResult answer = script.apply(records);
        if (answer != null) {
            response.complete(answer);
        }
        return response;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized int count() {
        return requests.size();
    }

    static PushResult ok(List<OmetriaRecord> records) {
        return new PushResult.Accepted("req-" + records.size(), records.size(), 0);
    }
}
