package dev.ometriasync.spring.boot;

import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.hibernate.OmetriaSyncStatus;
import dev.ometriasync.hibernate.SyncMode;
import java.time.Duration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The health of ometria-sync ({@code /actuator/health/ometria}):
 * <ul>
 *   <li>DOWN when Ometria refused the API key (401/403: nothing is sent until the key is fixed and the application
 *       restarted), when this instance's relay thread is not running, or when its last
 *       {@code ometria.health.relay-failed-rounds} rounds failed (database unreachable, say);</li>
 *   <li>{@code ometria.health.stale-outbox-status} (OUT_OF_SERVICE by default) when the oldest pending outbox row is
 *       older than {@code ometria.health.max-pending-age};</li>
 *   <li>UP otherwise, and UP with {@code enabled: false} when the integration is switched off.</li>
 * </ul>
 * Details: mode, pending and dead rows, oldest pending age, lease holder, whether this instance sends, relay state,
 * the 401/403 if any, records sent/rejected/dead since start.
 */
public class OmetriaSyncHealthIndicator extends AbstractHealthIndicator {

    private final OmetriaSync sync;
    private final OmetriaProperties.Health settings;

    /**
     * Creates the indicator.
     *
     * @param sync the integration
     * @param settings thresholds
     */
    public OmetriaSyncHealthIndicator(OmetriaSync sync, OmetriaProperties.Health settings) {
        super("ometria-sync health check failed");
        this.sync = sync;
        this.settings = settings;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        OmetriaSyncStatus status = sync.status();
        if (!status.enabled()) {
            builder.up().withDetail("enabled", false);
            return;
        }
        builder.withDetail("enabled", true).withDetail("mode", status.mode().externalName());
        if (status.mode() == SyncMode.OUTBOX) {
            builder.withDetail("pending", status.pendingRows())
                    .withDetail("dead", status.deadRows())
                    .withDetail("oldestPendingAge", status.oldestPendingAge() == null ? "none" : status.oldestPendingAge().toString())
                    .withDetail("leaseHolder", status.leaseHolder() == null ? "none" : status.leaseHolder())
                    .withDetail("activeRelay", status.activeRelay())
                    .withDetail("relayEnabled", status.relayEnabled())
                    .withDetail("relayRunning", status.relayRunning())
                    .withDetail("relayFailedRounds", status.relayFailedRounds());
        }
        builder.withDetail("sentRecords", status.sentRecords())
                .withDetail("rejectedRecords", status.rejectedRecords())
                .withDetail("deadLetteredRecords", status.deadLetteredRecords());
        if (status.authFailureStatus() != 0) {
            builder.down().withDetail("authFailure", status.authFailureStatus() + ": " + status.authFailureMessage());
            return;
        }
        if (status.relayEnabled() && !status.relayRunning()) {
            builder.down().withDetail("relay", "not running");
            return;
        }
        if (status.relayEnabled() && status.relayFailedRounds() >= settings.getRelayFailedRounds()) {
            builder.down().withDetail("relay", "cannot run: " + status.relayLastFailure());
            return;
        }
        Duration oldest = status.oldestPendingAge();
        if (oldest != null && oldest.compareTo(settings.getMaxPendingAge()) > 0) {
            builder.status(new Status(settings.getStaleOutboxStatus())).withDetail("outbox",
                    "oldest pending row waited " + oldest + ", more than ometria.health.max-pending-age=" + settings.getMaxPendingAge());
            return;
        }
        builder.up();
    }
}
