package dev.ometriasync.hibernate;

import java.time.Duration;
import java.time.Instant;

/**
 * A snapshot of the integration for health checks and dashboards, read by {@link OmetriaSync#status()}.
 *
 * @param enabled whether the integration runs on this SessionFactory (false: every other figure is empty)
 * @param mode outbox or direct; null when not enabled
 * @param pendingRows outbox rows still to be sent (0 without an outbox)
 * @param deadRows outbox rows that can never be sent as they are (0 without an outbox)
 * @param oldestPendingAge how long the oldest pending row has waited, on the database clock; null when none
 * @param leaseHolder the instance id holding the relay lease (possibly another instance), or null
 * @param leaseExpiresAt when that lease expires unless renewed, or null
 * @param activeRelay whether this instance holds the lease and sends
 * @param relayEnabled whether this instance runs a relay ({@code ometria.relay.enabled})
 * @param relayRunning whether this instance's relay thread is alive (false when it has none)
 * @param relayFailedRounds relay rounds that failed in a row (database down, say); 0 when the last one worked
 * @param relayLastFailure the last failed round's error, or null
 * @param authFailureStatus 401 or 403 when Ometria refused the API key, -1 when the TLS handshake failed on the
 *     server's certificate (sending stopped until restart either way), else 0
 * @param authFailureMessage what the refusal said, or null
 * @param sentRecords records Ometria acknowledged since start
 * @param rejectedRecords records refused since start
 * @param deadLetteredRecords records given up after the retry budget since start
 * @param captureFailures unexpected errors while recording changes since start
 * @param droppedChanges committed changes direct mode dropped because its queue was full, since start (0 in outbox
 *     mode, which never drops)
 * @param waitingChanges changed entities direct mode noted after commit and has not yet read and handed to the
 *     pipeline, or waits to read again (0 in outbox mode, where they wait as pending rows)
 * @param unreadableChanges committed changes direct mode gave up because their entity's committed state could not
 *     be read or serialized after retries, since start (0 in outbox mode, where such rows become dead rows)
 */
public record OmetriaSyncStatus(
        boolean enabled,
        SyncMode mode,
        long pendingRows,
        long deadRows,
        Duration oldestPendingAge,
        String leaseHolder,
        Instant leaseExpiresAt,
        boolean activeRelay,
        boolean relayEnabled,
        boolean relayRunning,
        int relayFailedRounds,
        String relayLastFailure,
        int authFailureStatus,
        String authFailureMessage,
        long sentRecords,
        long rejectedRecords,
        long deadLetteredRecords,
        long captureFailures,
        long droppedChanges,
        long waitingChanges,
        long unreadableChanges) {

    /** The status of an integration that does not run. */
    static final OmetriaSyncStatus DISABLED = new OmetriaSyncStatus(false, null, 0, 0, null, null, null, false, false, false, 0,
            null, 0, null, 0, 0, 0, 0, 0, 0, 0);
}
