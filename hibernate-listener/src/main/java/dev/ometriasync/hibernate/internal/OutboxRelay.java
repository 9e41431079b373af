package dev.ometriasync.hibernate.internal;

import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.Outcome;
import dev.ometriasync.runtime.Priority;
import dev.ometriasync.runtime.logging.EmailMasker;
import dev.ometriasync.runtime.resilience.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends outbox rows: while this instance holds the relay lease, it claims due rows, reloads their
 * entities' committed state through the {@link CommittedStateLoader} (as direct mode does), submits the
 * records to the pipeline and, as outcomes arrive, deletes exactly the rows whose records Ometria accepted. Rejected and dead-lettered records mark their rows
 * {@code DEAD}; rows that could not be reloaded or serialized are retried with backoff; rows abandoned
 * by a stopping pipeline are released for the next run.
 *
 * <p>It runs on one daemon thread, woken at once after a commit that wrote rows and otherwise every poll
 * interval (rows of other instances, due retries, an expired lease to take over).
 */
final class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    /** One finished record and the rows it carried. */
    private record Completion(List<Long> rowIds, Outcome outcome, Throwable failure) {
    }

    /** A record handed to the pipeline and not finished yet. */
    private record Submission(List<Long> rowIds, CompletableFuture<Outcome> future) {
    }

    /**
     * Why a submission was withdrawn: this instance may no longer be the only sender. Its rows are in doubt (the
     * request may be in flight): they keep their claims until those lapse, then the lease holder re-sends the
     * entities' current state.
     */
    private static final class Withdrawn extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Withdrawn(String reason) {
            super(reason, null, false, false);
        }
    }

    private final OutboxStore store;
    private final RelayLeaseKeeper lease;
    private final CommittedStateLoader loader;
    private final RecordPipeline pipeline;
    private final OmetriaConfig config;
    private final int maxInFlightRows;
    private final Semaphore wakeUp = new Semaphore(0);
    private final ConcurrentLinkedQueue<Completion> completions = new ConcurrentLinkedQueue<>();
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<Submission> submitted = ConcurrentHashMap.newKeySet();
    private final AtomicLong deliveredRows = new AtomicLong();
    /** How long a claim lasts: the lease, plus the time a request given up on may still take to land, plus a margin. */
    private final Duration claimDuration;
    /** How long after an in-doubt acceptance the current state is re-sent: by then any late copy has landed. */
    private final Duration inDoubtDelay;
    private final ScheduledExecutorService fence;
    private ScheduledFuture<?> fenceCheck;
    private volatile boolean running;
    /** Rounds that failed in a row, and the last failure: a relay that cannot run shows in health checks. */
    private volatile int failedRounds;
    private volatile String lastFailure;
    /** Set once the pipeline stopped on a refused key: the relay no longer claims rows. */
    private volatile boolean pausedForAuth;
    private Thread thread;
    /** Relay thread only: another instance may hold live claims (checked every lease round after taking the lease). */
    private boolean othersClaimsMayBeLive = true;
    /** Relay thread only: the highest row id this relay claimed, or -1; where a claim past the rows in flight starts. */
    private long claimCursor = -1;
    /** Relay thread only: when a claim last looked at the whole table ({@link System#nanoTime()}). */
    private long lastWholeTableClaim;
    /** How often a claim looks at the whole table while it otherwise starts past the rows in flight. */
    private final long wholeTableClaimEveryNanos;

    OutboxRelay(SessionFactoryImplementor factory, OutboxStore store, RecordAssembler assembler, RecordPipeline pipeline,
            OmetriaConfig config) {
        this.store = store;
        this.loader = new CommittedStateLoader(factory, assembler, config.relayBatchSize());
        this.pipeline = pipeline;
        this.config = config;
        this.lease = new RelayLeaseKeeper(store, config.instanceId(), config.leaseDuration());
        this.maxInFlightRows = config.recordsAheadOfThePipeline();
        Duration margin = RelayLeaseKeeper.safetyMargin(config.leaseDuration());
        this.claimDuration = config.leaseDuration().plus(pipeline.requestTimeout()).plus(margin);
        this.inDoubtDelay = pipeline.requestTimeout().plus(margin);
        this.wholeTableClaimEveryNanos = config.pollInterval().toNanos();
        this.fence = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread fenceThread = new Thread(runnable, "ometria-outbox-relay-fence");
            fenceThread.setDaemon(true);
            return fenceThread;
        });
    }

    synchronized void start() {
        running = true;
        thread = new Thread(this::run, "ometria-outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Makes the relay look for rows now (after a commit that wrote some). */
    void wake() {
        wakeUp.release();
    }

    /**
     * Stops: no more claims; records still queued in the pipeline are withdrawn (never sent by this instance);
     * the rows of records that may be in flight keep their claims until those lapse (then the next lease holder
     * re-sends the entities' current state); finished outcomes are applied and the lease is given up, so that
     * another instance takes over at once. Bounded by the timeout; the pipeline's own close follows.
     *
     * @param timeout how long to wait for the relay's thread
     */
    void stop(Duration timeout) {
        running = false;
        wake();
        Thread relayThread;
        synchronized (this) {
            relayThread = thread;
        }
        if (relayThread != null) {
            try {
                relayThread.join(Math.max(1, timeout.toMillis()));
                if (relayThread.isAlive()) {
                    // A round is still running (a slow database, say). It is not interrupted: an interrupt during
                    // file I/O closes an H2 file database under the application. It claims no more rows and ends
                    // quietly when the closing SessionFactory fails it; what it claimed stays claimed until the
                    // claims lapse.
                    LOG.debug("ometria-sync relay round still running after {}; it ends with the SessionFactory", timeout);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        fence.shutdownNow();
        withdrawAll("the relay is stopping");
        try {
            applyCompletions();
            lease.release();
        } catch (RuntimeException e) {
            LOG.warn("ometria-sync relay could not give up its lease at shutdown; it expires after {}: {}",
                    config.leaseDuration(), e.toString());
        }
    }

    /**
     * Withdraws every record this relay handed to the pipeline and that is not finished: those still queued are
     * never sent; those in flight may land, so their rows stay claimed (in doubt) until the claims lapse.
     */
    private void withdrawAll(String reason) {
        int count = 0;
        for (Submission submission : submitted) {
            if (submission.future().completeExceptionally(new Withdrawn(reason))) {
                count++;
            }
        }
        if (count > 0) {
            LOG.info("ometria-sync relay withdrew {} unfinished record(s): {}; their rows are re-sent from the database"
                    + " after their claims lapse", count, reason);
        }
    }

    /** After each renewal: withdraw everything if the lease is not renewed before it may lapse. */
    private synchronized void armFence() {
        if (fenceCheck != null) {
            fenceCheck.cancel(false);
        }
        if (!fence.isShutdown()) {
            fenceCheck = fence.schedule(this::checkFence, Math.max(0, lease.nanosUntilLocalExpiry()), TimeUnit.NANOSECONDS);
        }
    }

    private void checkFence() {
        if (!lease.isValidLocally() && !submitted.isEmpty()) {
            withdrawAll("the lease was not renewed and may lapse; another instance may take over");
        }
    }

    long deliveredRows() {
        return deliveredRows.get();
    }

    /** @return relay rounds that failed in a row (0 when the last round succeeded) */
    int failedRounds() {
        return failedRounds;
    }

    /** @return the last round's failure, or null */
    String lastFailure() {
        return failedRounds == 0 ? null : lastFailure;
    }

    /** @return whether the relay thread is alive */
    synchronized boolean isRunning() {
        return running && thread != null && thread.isAlive();
    }

    boolean holdsLease() {
        return lease.isHolding();
    }

    /**
     * Why the relay does not send, if it cannot: Ometria refused the API key.
     *
     * @return the reason, or null while it can send
     */
    String pausedReason() {
        return pausedForAuth ? pipeline.stoppedReason() : null;
    }

    private void run() {
        long waitMillis = Math.max(10, Math.min(config.pollInterval().toMillis(), config.leaseDuration().toMillis() / 3));
        // Commits wake the relay many times a second under load. The lease and the claims are written on their own
        // cadence, not every round: renewing the lease and every in-flight claim (up to a thousand rows) per commit
        // made the relay write a hundred WAL records per business transaction on PostgreSQL.
        long leaseEveryNanos = TimeUnit.MILLISECONDS.toNanos(waitMillis);
        long claimsEveryNanos = Math.max(leaseEveryNanos, config.leaseDuration().dividedBy(3).toNanos());
        long lastLeaseRound = System.nanoTime() - leaseEveryNanos;
        long lastClaimsExtension = System.nanoTime() - claimsEveryNanos;
        int failuresInARow = 0;
        while (running) {
            long pause = waitMillis;
            try {
                applyCompletions();
                long now = System.nanoTime();
                if (now - lastLeaseRound >= leaseEveryNanos || !lease.isValidLocally() && lease.isHolding()) {
                    lastLeaseRound = now;
                    if (lease.acquireOrRenew()) {
                        armFence();
                        // Skipping the entities of another instance's live claims costs every claim a NOT EXISTS
                        // probe per candidate row; when no such claim exists (a first start, a clean handover that
                        // released them) the plain claim is enough. Looked at again every lease round of the first
                        // claim duration: only a lease holder claims, so none can appear that was not there before.
                        othersClaimsMayBeLive = lease.heldFor().compareTo(claimDuration) < 0
                                && store.othersHoldLiveClaims(config.instanceId());
                        if (now - lastClaimsExtension >= claimsEveryNanos) {
                            lastClaimsExtension = now;
                            store.extendClaims(config.instanceId(), inFlight, claimDuration);
                        }
                    } else {
                        checkFence();
                    }
                }
                if (lease.isHolding()) {
                    sendDueRows();
                }
                failuresInARow = 0;
                failedRounds = 0;
            } catch (VirtualMachineError e) {
                failuresInARow++;
                failedRounds = failuresInARow;
                lastFailure = e.toString();
                pause = backoff(waitMillis, failuresInARow);
                LOG.error("ometria-sync relay round failed ({} in a row), retrying in {} ms", failuresInARow, pause, e);
            } catch (Throwable e) {
                if (!running) {
                    // the SessionFactory is closing under a round that outlived the relay's share of the shutdown
                    // timeout: its failure (a closed session or pool) is the shutdown, not a fault to report
                    LOG.debug("ometria-sync relay round ended by the shutdown: {}", e.toString());
                    return;
                }
                // Whatever goes wrong — the database, a bug of ours, a linkage error — the relay must outlive it:
                // a dead relay thread leaves every later change unsent without anybody noticing.
                failuresInARow++;
                failedRounds = failuresInARow;
                lastFailure = e.toString();
                pause = backoff(waitMillis, failuresInARow);
                if (failuresInARow == 1 || Long.bitCount(failuresInARow) == 1) {
                    LOG.warn("ometria-sync relay round failed ({} in a row), retrying in {} ms", failuresInARow, pause, e);
                } else {
                    LOG.debug("ometria-sync relay round failed ({} in a row), retrying in {} ms: {}", failuresInARow, pause,
                            e.toString());
                }
            }
            try {
                if (wakeUp.tryAcquire(pause, TimeUnit.MILLISECONDS)) {
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Whether the pipeline stopped on its own (Ometria refused the key, or the TLS certificate): claiming would only
     * release the rows again, round after round. The relay keeps the lease (renewed every round) and the rows pending
     * until the application restarts with a valid configuration.
     */
    private boolean pausedBecauseThePipelineStopped() {
        String stopped = pipeline.stoppedReason();
        if (stopped == null) {
            return false;
        }
        if (!pausedForAuth) {
            pausedForAuth = true;
            LOG.error("ometria-sync relay paused: {}. Outbox rows stay pending and are sent after a restart with a"
                    + " valid key.", stopped);
        }
        return true;
    }

    /** The pause after failed rounds: the poll interval, doubling per failure in a row, at most a minute. */
    private static long backoff(long waitMillis, int failuresInARow) {
        Duration poll = Duration.ofMillis(Math.max(1, waitMillis));
        Duration max = Duration.ofMinutes(1);
        return Backoff.exponential(poll.compareTo(max) > 0 ? max : poll, max).ceiling(failuresInARow).toMillis();
    }

    private void sendDueRows() {
        // claims only when a whole batch fits: topping up after every few completed rows costs a claim query (a scan
        // past the rows in flight) per handful of rows, several a second, for nothing the pipeline could use sooner
        while (running && inFlight.size() + config.relayBatchSize() <= maxInFlightRows) {
            // Checked before every claim, not once a round: a pipeline that stops in the middle of a round (its first
            // request answered 401) would otherwise abandon each claimed row at once, and the loop would claim it again.
            if (pausedBecauseThePipelineStopped()) {
                return;
            }
            if (!lease.isValidLocally()) {
                return; // renewed too long ago (a slow round): renew before claiming more
            }
            // for a claim's length after taking the lease, the previous holder's claims may still be live
            boolean afterTakeover = othersClaimsMayBeLive && lease.heldFor().compareTo(claimDuration) < 0;
            long now = System.nanoTime();
            // Past the rows in flight: a claim scans the table in id order and skips every row it cannot take, and
            // with a thousand rows in flight that scan was most of the relay's database work (4-7 ms a claim on
            // PostgreSQL). While many rows are in flight the claim starts after the last row claimed; the whole table
            // is looked at once a poll interval, which finds rows below that point that became claimable (released,
            // due for a retry, or committed late with an earlier id), so they wait at most a poll interval longer.
            boolean wholeTable = afterTakeover || claimCursor < 0 || inFlight.size() < config.relayBatchSize()
                    || now - lastWholeTableClaim >= wholeTableClaimEveryNanos;
            List<OutboxEntry> rows = store.claim(config.instanceId(), config.relayBatchSize(), claimDuration, afterTakeover,
                    wholeTable ? null : claimCursor);
            if (wholeTable) {
                lastWholeTableClaim = now;
            }
            if (rows.isEmpty()) {
                return;
            }
            for (OutboxEntry row : rows) {
                claimCursor = Math.max(claimCursor, row.getId());
            }
            // a row of ours whose claim lapsed while this JVM stalled is still in flight: re-claiming it renewed
            // the claim, but it must not be submitted a second time
            List<OutboxEntry> fresh = rows.stream().filter(row -> inFlight.add(row.getId())).toList();
            if (fresh.isEmpty()) {
                return;
            }
            submit(fresh);
            applyCompletions();
        }
    }

    private void submit(List<OutboxEntry> rows) {
        List<RecordAssembler.Work<Long>> work = new ArrayList<>(rows.size());
        for (OutboxEntry row : rows) {
            work.add(new RecordAssembler.Work<>(OutboxRows.toChange(row), row.getId()));
        }
        // the database, not the rows, failed: give the claims back without counting an attempt
        List<RecordAssembler.Assembled<Long>> assembled = loader.load(work, this::release);
        List<Long> nothingToSend = new ArrayList<>();
        for (RecordAssembler.Assembled<Long> result : assembled) {
            if (result.isFailure()) {
                completions.add(new Completion(result.tags(), null, new IllegalStateException(result.failure())));
            } else if (result.record() == null) {
                nothingToSend.addAll(result.tags());
            } else {
                submit(result.record(), result.tags());
            }
        }
        if (!nothingToSend.isEmpty()) {
            completions.add(new Completion(nothingToSend, Outcome.accepted(null), null));
        }
    }

    private void release(List<Long> ids, Throwable cause) {
        LOG.warn("ometria-sync relay could not reload {} row(s) because the database failed; they are released without"
                + " counting an attempt: {}", ids.size(), cause.toString());
        completions.add(new Completion(ids, Outcome.abandoned("infrastructure failure: " + cause), null));
    }

    private void submit(OmetriaRecord record, List<Long> rowIds) {
        if (!lease.isValidLocally()) {
            completions.add(new Completion(rowIds, null, new Withdrawn("the lease may lapse before the record is sent")));
            return;
        }
        try {
            CompletableFuture<Outcome> future = pipeline.submit(record, Priority.LIVE).toCompletableFuture();
            Submission submission = new Submission(rowIds, future);
            submitted.add(submission);
            future.whenComplete((outcome, failure) -> {
                submitted.remove(submission);
                completions.add(new Completion(rowIds, outcome, failure));
                wake();
            });
        } catch (RuntimeException e) {
            completions.add(new Completion(rowIds, null, e));
        }
    }

    /** Applies finished outcomes to the table, grouped so that each kind is one statement. */
    private void applyCompletions() {
        if (completions.isEmpty()) {
            return;
        }
        List<Long> accepted = new ArrayList<>();
        List<Long> acceptedInDoubt = new ArrayList<>();
        List<Long> withdrawn = new ArrayList<>();
        List<Long> abandoned = new ArrayList<>();
        Map<String, List<Long>> dead = new java.util.LinkedHashMap<>();
        Map<String, List<Long>> retry = new java.util.LinkedHashMap<>();
        List<Completion> drained = new ArrayList<>();
        for (Completion completion; (completion = completions.poll()) != null; ) {
            drained.add(completion);
            if (completion.failure() instanceof Withdrawn || completion.failure() instanceof CompletionException c
                    && c.getCause() instanceof Withdrawn) {
                withdrawn.addAll(completion.rowIds()); // in doubt: the claims keep the rows until they lapse
                continue;
            }
            if (completion.failure() != null) {
                retry.computeIfAbsent(String.valueOf(completion.failure()), k -> new ArrayList<>()).addAll(completion.rowIds());
                continue;
            }
            Outcome outcome = completion.outcome();
            switch (outcome.status()) {
                case ACCEPTED -> (outcome.inDoubt() ? acceptedInDoubt : accepted).addAll(completion.rowIds());
                case ABANDONED -> abandoned.addAll(completion.rowIds());
                case REJECTED, DEAD_LETTERED -> dead.computeIfAbsent(outcome.status() + ": " + outcome.reason(),
                        k -> new ArrayList<>()).addAll(completion.rowIds());
            }
        }
        try {
            store.delete(accepted);
            store.resendLater(acceptedInDoubt, inDoubtDelay);
            store.release(config.instanceId(), abandoned);
            dead.forEach((reason, ids) -> {
                LOG.warn("ometria-sync: {} outbox row(s) marked DEAD: {}", ids.size(), EmailMasker.mask(reason));
                store.markDead(ids, reason);
            });
            retry.forEach((reason, ids) -> {
                LOG.warn("ometria-sync: {} outbox row(s) will be retried: {}", ids.size(), EmailMasker.mask(reason));
                store.retryLater(ids, reason, config.relayMaxAttempts());
            });
        } catch (RuntimeException e) {
            // the database is unreachable: keep the outcomes and apply them next round; the claims keep the rows safe
            completions.addAll(drained);
            throw e;
        }
        deliveredRows.addAndGet(accepted.size() + acceptedInDoubt.size());
        if (!withdrawn.isEmpty()) {
            LOG.debug("ometria-sync relay: {} withdrawn row(s) stay claimed until their claims lapse", withdrawn.size());
        }
        Set<Long> done = new HashSet<>();
        drained.forEach(completion -> done.addAll(completion.rowIds()));
        inFlight.removeAll(done);
    }
}
