package dev.ometriasync.sample;

import dev.ometriasync.hibernate.backfill.BackfillConsole;
import dev.ometriasync.hibernate.backfill.BackfillSummary;
import dev.ometriasync.hibernate.backfill.OmetriaBackfill;
import java.io.PrintStream;
import org.hibernate.SessionFactory;

/**
 * The historic import: ometria-sync's backfill sends every existing product, then every customer, then
 * every order, in primary-key order and chunks, through the same pipeline and rate budget as the live
 * changes, with a progress bar on the console and a summary at the end.
 */
final class HistoricImport {

    private final SessionFactory factory;
    private final SyncWaiter waiter;
    private final PrintStream out;

    HistoricImport(SessionFactory factory, SyncWaiter waiter, PrintStream out) {
        this.factory = factory;
        this.waiter = waiter;
        this.out = out;
    }

    /**
     * Runs the backfill and waits until Ometria has everything.
     *
     * @return its summary
     * @throws IllegalStateException when the backfill stopped before the end
     */
    BackfillSummary run() {
        BackfillConsole console = BackfillConsole.to(out);
        if (System.console() == null) {
            console.plainLines(); // no terminal to redraw a bar on (output piped, or a test)
        }
        // The sample's H2 database is new on every run; an application ships the checkpoint table's DDL
        // (OmetriaBackfill.checkpointDdl) in a migration instead.
        BackfillSummary summary = console.run(OmetriaBackfill.forSessionFactory(factory).createCheckpointTable());
        if (!summary.complete()) {
            throw new IllegalStateException("the historic import stopped early: " + summary.stopReasonIfAny().orElse("?"));
        }
        waiter.awaitSynced(SampleShop.SYNC_TIMEOUT);
        return summary;
    }
}
