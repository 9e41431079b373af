package dev.ometriasync.sample;

import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.sample.shop.Customer;
import dev.ometriasync.sample.shop.Product;
import dev.ometriasync.sample.shop.PurchaseOrder;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.hibernate.SessionFactory;

/**
 * The historic import: sends every existing product, then every customer, then every order, so that
 * Ometria starts from the shop's full history before live changes flow.
 *
 * <p>Until the backfill of {@code ometria-sync-hibernate} is available this step asks the integration to
 * {@link OmetriaSync#touch(Class, Object...) touch} every row (one outbox row each, sent by the relay in
 * batches) and follows the outbox as it drains.
 */
final class HistoricImport {

    /** Ometria's recommended order: products first (orders refer to them), then contacts, then orders. */
    static final List<Class<?>> TYPES = List.of(Product.class, Customer.class, PurchaseOrder.class);

    private static final int TOUCH_CHUNK = 500;

    private final SessionFactory factory;
    private final OmetriaSync sync;
    private final SyncWaiter waiter;
    private final PrintStream out;

    HistoricImport(SessionFactory factory, OmetriaSync sync, SyncWaiter waiter, PrintStream out) {
        this.factory = factory;
        this.sync = sync;
        this.waiter = waiter;
        this.out = out;
    }

    /**
     * Runs the import and waits until Ometria accepted every record.
     *
     * @param timeout how long to wait at most
     * @return the number of records imported
     */
    long run(Duration timeout) {
        long total = 0;
        for (Class<?> type : TYPES) {
            List<Long> ids = factory.fromSession(session -> session
                    .createSelectionQuery("select e.id from " + type.getSimpleName() + " e order by e.id", Long.class)
                    .getResultList());
            for (int from = 0; from < ids.size(); from += TOUCH_CHUNK) {
                sync.touch(type, ids.subList(from, Math.min(ids.size(), from + TOUCH_CHUNK)).toArray());
            }
            total += ids.size();
        }
        ConsoleProgress progress = new ConsoleProgress(out, "Importing", total);
        long records = total;
        waiter.awaitSynced(timeout, pending -> progress.update(records - pending));
        progress.done();
        return total;
    }

    /** A one-line progress bar: redrawn in place on a terminal, printed at start and end otherwise. */
    static final class ConsoleProgress {

        private static final int WIDTH = 30;

        private final PrintStream out;
        private final String task;
        private final long total;
        private final boolean terminal = System.console() != null;
        private final long startNanos = System.nanoTime();

        ConsoleProgress(PrintStream out, String task, long total) {
            this.out = out;
            this.task = task;
            this.total = Math.max(1, total);
        }

        void update(long done) {
            if (terminal) {
                out.print("\r" + line(done));
                out.flush();
            }
        }

        void done() {
            out.print((terminal ? "\r" : "") + line(total) + System.lineSeparator());
        }

        private String line(long done) {
            int filled = (int) (WIDTH * done / total);
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            return String.format(Locale.ROOT, "  %s [%s%s] %d/%d records, %.1f s, %.0f records/s", task,
                    "=".repeat(filled), " ".repeat(WIDTH - filled), done, total, seconds,
                    seconds > 0 ? done / seconds : 0.0);
        }
    }
}
