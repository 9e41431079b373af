package dev.ometriasync.runtime.internal.pipeline;

import dev.ometriasync.runtime.OmetriaListener;
import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.PushError;
import dev.ometriasync.runtime.PushErrorReport;
import dev.ometriasync.runtime.PushResult;
import dev.ometriasync.runtime.RecordKey;
import dev.ometriasync.runtime.internal.client.ErrorListRead;
import dev.ometriasync.runtime.spi.TimeSource;
import dev.ometriasync.schema.RecordType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code GET /v2/push/_errors} every poll interval and reports each new entry, tied to the record it belongs
 * to where that can be told ({@link RecentlyAcknowledged}), to the listener, the meters, the log and
 * {@link #recentReports()}.
 *
 * <p>Every read is sent by the {@link SendLoop}, with a slot of the account's limiter like any push (ahead of the next
 * batch, so a busy pipeline cannot starve it), and the loop acts on a failed read as on a failed push: a 429 pauses
 * the account, a 401 or an untrusted server stops the pipeline (and with it this poller). A 403 switches only this
 * poller off, with one ERROR: Ometria answers 403 when a key is not authorised for a resource, and an optional
 * diagnostic must never stop a key that may push from pushing. Any other failure is logged and the next read comes
 * one interval later; nothing here ever fails a record.
 *
 * <p>The first read takes the list as it stands (usually the pipeline's warm-up request, sent before any record): its
 * entries that match no record this pipeline had acknowledged are taken as older than the pipeline and not reported,
 * so a restart does not report the same 100 entries again. The same holds for the first read after a pause: reads
 * pause while nothing was acknowledged within the matching window, since an entry could then be tied to nothing this
 * pipeline sent (an idle pipeline, or an outbox instance that is not the active relay, spends nothing on them).
 * Runs on the pipeline's thread, except {@link #acknowledged} (thread-safe) and {@link #recentReports()}.
 */
final class PushErrorPoller {

    private static final Logger LOG = LoggerFactory.getLogger("dev.ometriasync.runtime.OmetriaPipeline");

    /** The most reports kept for {@link #recentReports()}: as many as Ometria lists. */
    static final int KEPT_REPORTS = ErrorListDiff.LIST_LIMIT;

    /**
     * How long an acknowledged record stays a candidate at least: Ometria validates after acknowledging, by a delay
     * it does not document, so its entry shows up later by up to that delay plus a poll interval.
     */
    static final Duration MIN_WINDOW = Duration.ofMinutes(10);

    private final TimeSource time;
    private final Executor executor;
    private final Duration interval;
    private final OmetriaListener listener;
    private final PipelineMetrics metrics;
    private final ErrorListDiff diff = new ErrorListDiff();
    private final RecentlyAcknowledged acknowledged;
    private final ArrayDeque<PushErrorReport> reports = new ArrayDeque<>();
    private SendLoop loop;
    private volatile boolean closed;
    private TimeSource.Scheduled next;
    private boolean listTaken;
    private boolean paused;
    private boolean readInFlight;
    private int failuresInARow;
    private boolean warnedFullList;

    /**
     * Creates a poller; it reads nothing before {@link #start}.
     *
     * @param time the pipeline's clock
     * @param executor the pipeline's thread
     * @param interval time between reads
     * @param listener where reports go
     * @param metrics where counts go
     */
    PushErrorPoller(TimeSource time, Executor executor, Duration interval, OmetriaListener listener,
            PipelineMetrics metrics) {
        this.time = time;
        this.executor = executor;
        this.interval = interval;
        this.listener = listener;
        this.metrics = metrics;
        Duration window = interval.multipliedBy(3);
        this.acknowledged = new RecentlyAcknowledged(window.compareTo(MIN_WINDOW) < 0 ? MIN_WINDOW : window);
    }

    /**
     * Makes the loop's warm-up, sent before its first record, the first read; then reads every interval while
     * something was acknowledged. Pipeline thread only.
     *
     * @param sendLoop sends the reads
     */
    void start(SendLoop sendLoop) {
        this.loop = sendLoop;
        // when no slot was free for the warm-up, or the transport cannot read the list, the first tick after an
        // acknowledgement reads instead (and takes the list as it stands)
        sendLoop.warmUpBeforeFirstRecord(answer -> onAnswer(answer, true));
        scheduleNext();
    }

    /**
     * Notes records Ometria acknowledged, as candidates for later entries. Thread-safe.
     *
     * @param records the records of one acknowledged request
     */
    void acknowledged(List<OmetriaRecord> records) {
        acknowledged.add(records, time.now());
    }

    /**
     * The latest reports, newest first. Thread-safe.
     *
     * @return at most {@value #KEPT_REPORTS}
     */
    synchronized List<PushErrorReport> recentReports() {
        List<PushErrorReport> newestFirst = new ArrayList<>(reports.size());
        reports.descendingIterator().forEachRemaining(newestFirst::add);
        return newestFirst;
    }

    /** Stops reading; a read in flight is ignored when it answers. Any thread. */
    void close() {
        closed = true;
        TimeSource.Scheduled scheduled = next;
        if (scheduled != null) {
            scheduled.cancel();
        }
    }

    private void scheduleNext() {
        if (closed) {
            return;
        }
        next = time.schedule(time.now().plus(interval), () -> {
            try {
                executor.execute(this::tick);
            } catch (RejectedExecutionException shutDown) {
                closed = true;
            }
        });
    }

    private void tick() {
        if (closed) {
            return;
        }
        if (loop.stopReason() != null) {
            close();
            return;
        }
        acknowledged.prune(time.now());
        if (readInFlight || loop.warmingUp()) {
            scheduleNext(); // the last read, or the warm-up read, is still out (a slow network): this tick is not needed
            return;
        }
        if (acknowledged.size() == 0) {
            if (listTaken && !paused) {
                LOG.debug("Nothing acknowledged in the last {}: reading GET /v2/push/_errors pauses", acknowledged.window());
            }
            paused = true; // the next read compares with a list that may be old: it takes the list as it stands
            scheduleNext();
            return;
        }
        readInFlight = true;
        loop.readErrorList(answer -> onAnswer(answer, false));
    }

    private void onAnswer(ErrorListRead answer, boolean warmUp) {
        readInFlight = false;
        if (closed) {
            return;
        }
        Instant now = time.now();
        if (answer.failure() != null) {
            metrics.pushErrorsRead("failed");
            onFailure(answer.failure());
        } else {
            metrics.pushErrorsRead("ok");
            onEntries(answer.entries(), now);
        }
        if (loop.stopReason() != null) {
            LOG.info("The pipeline stopped sending: reading GET /v2/push/_errors stops too");
            close();
        } else if (!warmUp) {
            scheduleNext(); // the warm-up's answer does not move the schedule start() set
        }
    }

    private void onFailure(PushResult failure) {
        failuresInARow++;
        if (failure instanceof PushResult.Unauthorized refused && refused.statusCode() == 403) {
            LOG.error("Ometria refused GET /v2/push/_errors with HTTP 403: this API key is not authorised to read the"
                    + " error list. Reading it is switched off for this pipeline; records are still pushed. Use a key that"
                    + " may read the list, or switch the poller off (pushErrorsPollInterval, ometria.push-errors.poll-interval).");
            close();
            return;
        }
        if (failure instanceof PushResult.Unauthorized || failure instanceof PushResult.TlsFailure) {
            return; // the send loop stopped the pipeline and reported it
        }
        if (failuresInARow == 1) {
            LOG.warn("Reading GET /v2/push/_errors failed ({}); trying again every {}", failure, interval);
        } else {
            LOG.debug("Reading GET /v2/push/_errors failed again ({} in a row): {}", failuresInARow, failure);
        }
    }

    private void onEntries(List<PushError> entries, Instant now) {
        if (failuresInARow > 0) {
            LOG.info("Reading GET /v2/push/_errors works again after {} failure(s)", failuresInARow);
            failuresInARow = 0;
        }
        acknowledged.prune(now);
        boolean takeAsItStands = !listTaken || paused;
        List<PushError> fresh = diff.newEntries(entries);
        listTaken = true;
        paused = false;
        if (diff.mayHaveMissed() && !warnedFullList) {
            warnedFullList = true;
            LOG.warn("Ometria's list of validation errors was full ({} entries) at two reads in a row: entries that came"
                    + " in between can have gone unseen. Read more often (a shorter poll interval) or fix what Ometria"
                    + " refuses", ErrorListDiff.LIST_LIMIT);
        }
        for (PushError entry : fresh) {
            List<RecordKey> candidates = acknowledged.candidates(entry.errorPath());
            if (takeAsItStands && candidates.isEmpty()) {
                continue; // listed before this pipeline read the list, and matching nothing it sent: not ours to report
            }
            report(entry, candidates, now);
        }
    }

    private void report(PushError entry, List<RecordKey> candidates, Instant now) {
        RecordKey record = candidates.size() == 1 ? candidates.get(0) : null;
        if (record != null) {
            acknowledged.tie(record, entry.errorPath());
        }
        RecordType type = candidates.isEmpty() ? null : candidates.get(0).type();
        for (RecordKey candidate : candidates) {
            if (candidate.type() != type) {
                type = null;
                break;
            }
        }
        PushErrorReport report = new PushErrorReport(entry, record, type,
                candidates.subList(0, Math.min(candidates.size(), PushErrorReport.MAX_CANDIDATES)), now);
        synchronized (this) {
            if (reports.size() == KEPT_REPORTS) {
                reports.pollFirst();
            }
            reports.addLast(report);
        }
        LOG.warn("Ometria listed a validation error of a record it had acknowledged: {}", report);
        metrics.pushErrorListed(type == null ? "unknown" : type.jsonName());
        try {
            listener.pushErrorListed(report);
        } catch (RuntimeException e) {
            LOG.warn("OmetriaListener.pushErrorListed threw; the pipeline goes on", e);
        }
    }
}
