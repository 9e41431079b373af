package dev.ometriasync.runtime;

import dev.ometriasync.schema.RecordType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps every callback, for assertions. */
final class RecordingListener implements OmetriaListener {

    final List<String> sent = new ArrayList<>();
    final List<String> rejected = new ArrayList<>();
    final List<String> deadLettered = new ArrayList<>();
    final List<String> abandoned = new ArrayList<>();
    final List<Duration> rateLimited = new ArrayList<>();
    final List<String> authFailures = new ArrayList<>();
    final List<String> rejectedAtIntake = new ArrayList<>();
    final List<String> droppedFields = new ArrayList<>();

    @Override
    public synchronized void sent(List<OmetriaRecord> records, String requestId) {
        sent.add(records.size() + " " + records.get(0).type().jsonName() + " " + requestId);
    }

    @Override
    public synchronized void rejectedAtIntake(RecordType type, int rejectedCount, int sentCount, String requestId) {
        rejectedAtIntake.add(rejectedCount + "/" + sentCount + " " + type.jsonName());
    }

    @Override
    public synchronized void rejected(OmetriaRecord record, String reason) {
        rejected.add(record.key() + " | " + reason);
    }

    @Override
    public synchronized void invalidFieldDropped(OmetriaRecord record, String reason) {
        droppedFields.add(record.key() + " | " + reason);
    }

    @Override
    public synchronized void deadLettered(OmetriaRecord record, String reason) {
        deadLettered.add(record.key() + " | " + reason);
    }

    @Override
    public synchronized void rateLimited(Duration pause, boolean retryAfterHint) {
        rateLimited.add(pause);
    }

    @Override
    public synchronized void authenticationFailed(int statusCode, String message) {
        authFailures.add(statusCode + " | " + message);
    }

    @Override
    public synchronized void abandoned(OmetriaRecord record, String reason) {
        abandoned.add(record.key() + " | " + reason);
    }

    synchronized <T> List<T> copy(List<T> list) {
        return List.copyOf(list);
    }
}
