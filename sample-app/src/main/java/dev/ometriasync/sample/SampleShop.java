package dev.ometriasync.sample;

import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.hibernate.backfill.BackfillSummary;
import dev.ometriasync.testkit.RecordedRequest;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.SessionFactory;

/**
 * The running sample: the shop's database with ometria-sync on it, pointed at the simulator or a real
 * account, and the helpers that change it, wait for Ometria and compare. Shared by the scripted run and
 * the interactive mode.
 */
final class SampleShop implements AutoCloseable {

    /** How long any single wait for Ometria may take before the sample gives up with an error. */
    static final Duration SYNC_TIMEOUT = Duration.ofSeconds(120);

    private final OmetriaTarget target;
    private final SessionFactory factory;
    private final OmetriaSync sync;
    private final Shop shop;
    private final SyncWaiter waiter;
    private final StateComparison comparison;
    private final PrintStream out;

    private SampleShop(OmetriaTarget target, SessionFactory factory, PrintStream out) {
        this.target = target;
        this.factory = factory;
        this.sync = OmetriaSync.of(factory);
        this.shop = new Shop(factory, sync, Clock.systemUTC());
        this.waiter = new SyncWaiter(sync, target);
        this.comparison = new StateComparison(factory, target.isSimulated() ? target.simulator() : null);
        this.out = out;
    }

    /**
     * Creates the database, fills it with history without ometria-sync, then opens it with ometria-sync.
     *
     * @param target where records go; left open when the shop closes
     * @param database an empty database
     * @param size how much history
     * @param out the console
     * @return the running shop
     */
    static SampleShop open(OmetriaTarget target, ShopDatabase database, HistoricData.Size size, PrintStream out) {
        long start = System.nanoTime();
        try (SessionFactory legacy = database.openWithoutSync()) {
            new HistoricData().seed(legacy, size);
        }
        out.printf(Locale.ROOT, "   %d products, %d customers and %d orders written by the shop as it was, without"
                + " ometria-sync (%.1f s)%n", size.products(), size.customers(), size.orders(), seconds(start));
        start = System.nanoTime();
        SessionFactory factory = database.openWithSync(target);
        out.printf(Locale.ROOT, "   the shop restarts with ometria-sync on its SessionFactory (%.1f s)%n", seconds(start));
        try {
            return new SampleShop(target, factory, out);
        } catch (RuntimeException e) {
            factory.close();
            throw e;
        }
    }

    static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    OmetriaTarget target() {
        return target;
    }

    SessionFactory factory() {
        return factory;
    }

    OmetriaSync sync() {
        return sync;
    }

    Shop shop() {
        return shop;
    }

    StateComparison comparison() {
        return comparison;
    }

    PrintStream out() {
        return out;
    }

    /** Waits until every committed change has reached Ometria. */
    void awaitSynced() {
        waiter.awaitSynced(SYNC_TIMEOUT);
    }

    /**
     * Runs the historic import with its progress bar.
     *
     * @return the backfill's summary
     */
    BackfillSummary importHistory() {
        return new HistoricImport(factory, waiter, out).run();
    }

    /** @return how many push requests the simulator has received so far (0 for a real account) */
    int pushRequestsSoFar() {
        return target.isSimulated() ? target.simulator().pushRequestCount() : 0;
    }

    /**
     * What went over the wire since a point in the run.
     *
     * @param phase the phase's name
     * @param fromRequest {@link #pushRequestsSoFar()} at the start of the phase
     * @return the report; empty for a real account
     */
    PushReport report(String phase, int fromRequest) {
        if (!target.isSimulated()) {
            return new PushReport(phase, List.of(), 0);
        }
        List<RecordedRequest> pushes = target.simulator().pushRequests();
        List<RecordedRequest> slice = pushes.subList(Math.min(fromRequest, pushes.size()), pushes.size());
        Set<String> requestIds = slice.stream().map(RecordedRequest::requestId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        int errors = (int) target.simulator().errors().stream().filter(e -> requestIds.contains(e.requestId())).count();
        return new PushReport(phase, List.copyOf(slice), errors);
    }

    @Override
    public void close() {
        factory.close();
    }
}
