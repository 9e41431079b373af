package dev.ometriasync.sample;

import dev.ometriasync.hibernate.backfill.BackfillSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ometria-sync sample shop. Without arguments it seeds an H2 database with history, imports it into
 * Ometria, makes live changes, shows what Ometria holds next to the database, verifies every synced
 * entity and prints a report of the push requests. {@code --interactive} stops after the import and
 * reads commands instead.
 *
 * <p>Ometria is the in-process {@code OmetriaSimulator} unless {@code OMETRIA_API_KEY} is set (then a real
 * account, at {@code OMETRIA_ENDPOINT} or Ometria's default endpoint).
 */
public final class SampleApp {

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar sample-app/target/ometria-sync-sample-app.jar [--interactive] [--help]",
            "  (no option)     seed history, import it, make live changes, verify and report, then exit",
            "  --interactive   seed and import, then accept changes at a prompt (type help)",
            "environment: OMETRIA_API_KEY (a real account instead of the simulator), OMETRIA_ENDPOINT");

    static {
        // Hibernate logs through JBoss Logging; route it to SLF4J so that simplelogger.properties quiets it.
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
    }

    private SampleApp() {
    }

    /**
     * Runs the sample and exits with 0 when Ometria ended up holding exactly the database (or, for a real
     * account, when the outbox holds no pending and no dead row), else 1; 2 for a usage error.
     *
     * @param args {@code --interactive} or nothing
     */
    public static void main(String[] args) {
        int status = run(List.of(args), System.getenv(), System.in, System.out);
        System.exit(status);
    }

    /**
     * Runs the sample with the given environment and console (the tests' entry point).
     *
     * @return the process exit status
     */
    static int run(List<String> args, Map<String, String> environment, InputStream in, PrintStream out) {
        boolean interactive = false;
        for (String arg : args) {
            switch (arg) {
                case "--interactive", "-i" -> interactive = true;
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    out.println("unknown option: " + arg);
                    out.println(USAGE);
                    return 2;
                }
            }
        }
        try (OmetriaTarget target = OmetriaTarget.fromEnvironment(environment)) {
            return run(target, ShopDatabase.inMemory(), HistoricData.Size.DEFAULT, interactive, in, out);
        }
    }

    /**
     * Runs the sample against a given target and database.
     *
     * @param target where records go; left open
     * @param database an empty database
     * @param size how much history to seed
     * @param interactive whether to read commands after the import instead of the scripted changes
     * @param in the commands (interactive mode)
     * @param out the console
     * @return the process exit status
     */
    static int run(OmetriaTarget target, ShopDatabase database, HistoricData.Size size, boolean interactive,
                   InputStream in, PrintStream out) {
        long start = System.nanoTime();
        out.println("ometria-sync sample shop");
        out.println("  " + target.describe());
        out.println("  Database: H2 in memory; ometria-sync in outbox mode (the default)");
        out.println();
        out.println("1. History: the shop before ometria-sync");
        try (SampleShop sample = SampleShop.open(target, database, size, out)) {
            int importStart = sample.pushRequestsSoFar();
            out.println();
            out.println("2. Historic import: products, then contacts, then orders");
            BackfillSummary imported = sample.importHistory();
            PushReport importReport = sample.report("historic import", importStart);
            out.printf(Locale.ROOT, "   %d records imported, %d rejected%n", imported.accepted(), imported.rejected());
            if (interactive) {
                int failures = new InteractiveShell(sample).run(new InputStreamReader(in, Charset.defaultCharset()));
                out.printf(Locale.ROOT, "Bye (%d command(s) failed).%n", failures);
                return 0;
            }
            ScriptedRun.Result result = ScriptedRun.run(sample);
            out.println();
            out.println("6. Report");
            if (target.isSimulated()) {
                importReport.print(out);
                result.liveReport().print(out);
            } else {
                out.println("   (a real account: the request counts come from the simulator's log, so there are none to show)");
                new RecentErrors(target).print(out);
            }
            out.printf(Locale.ROOT, "   outbox: %d pending, %d dead (refused or given up, kept for inspection)%n",
                    sample.sync().pendingOutboxRows(), sample.sync().deadOutboxRows());
            out.printf(Locale.ROOT, "   finished in %.1f s%n", (System.nanoTime() - start) / 1e9);
            // A real account cannot be read back: success there means nothing is pending and nothing was refused.
            boolean ok = target.isSimulated() ? result.verified()
                    : sample.sync().pendingOutboxRows() == 0 && sample.sync().deadOutboxRows() == 0;
            return ok ? 0 : 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
