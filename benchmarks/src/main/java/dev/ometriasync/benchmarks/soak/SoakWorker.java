package dev.ometriasync.benchmarks.soak;

import dev.ometriasync.benchmarks.soak.model.SoakContact;
import dev.ometriasync.benchmarks.soak.model.SoakOrder;
import dev.ometriasync.benchmarks.soak.model.SoakOrderLine;
import dev.ometriasync.benchmarks.soak.model.SoakProduct;
import dev.ometriasync.benchmarks.soak.model.SoakTombstone;
import dev.ometriasync.benchmarks.support.Args;
import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.runtime.OmetriaListener;
import dev.ometriasync.runtime.OmetriaRecord;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * One application instance of the soak, in its own JVM: a SessionFactory with ometria-sync in outbox mode (every
 * {@code ometria.*} system property is passed on as a Hibernate property) and a {@link ChangeStream}. Talks to the
 * controller over its standard streams: prints {@code READY}, then a {@code STATUS} line every second; reads
 * {@code pause} (stop changing data), {@code stop} (pause, close the SessionFactory as a deploy would, print
 * {@code STOPPED}, exit 0). End of input means {@code stop}, so a worker never outlives its controller for long.
 * Each request Ometria accepted is printed as {@code SENT <request_id>} (through the public {@code ometria.listener}
 * setting), so that the controller can tell which instance sent which request in the simulator's log.
 */
public final class SoakWorker {

    private SoakWorker() {
    }

    /**
     * @param argv {@code --jdbc-url}, {@code --jdbc-user}, {@code --jdbc-password}, {@code --instance},
     *     {@code --threads}, {@code --tps}, {@code --seed}
     */
    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String instance = args.string("instance", "worker");
        Map<String, Object> ometria = new java.util.HashMap<>(ometriaProperties());
        ometria.put("ometria.listener", new SentRequestLog());
        SessionFactory factory = build(Map.of(
                "hibernate.connection.url", args.string("jdbc-url", ""),
                "hibernate.connection.username", args.string("jdbc-user", "postgres"),
                "hibernate.connection.password", args.string("jdbc-password", "postgres")), ometria, "none");
        OmetriaSync sync = OmetriaSync.of(factory);
        ChangeStream changes = new ChangeStream(factory, instance, args.integer("threads", 3),
                args.decimal("tps", 6), args.integer("seed", 1));
        changes.start();
        System.out.println("READY " + instance + " mode=" + sync.mode());
        Thread status = new Thread(() -> reportEverySecond(sync, changes), "soak-status");
        status.setDaemon(true);
        status.start();

        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command; (command = commands.readLine()) != null; ) {
            if (command.equals("pause")) {
                changes.stop();
                System.out.println("PAUSED");
            } else if (command.equals("stop")) {
                break;
            }
        }
        changes.stop();
        long closing = System.nanoTime();
        factory.close();
        System.out.println("STOPPED closeMillis=" + (System.nanoTime() - closing) / 1_000_000);
        System.out.flush();
        System.exit(0);
    }

    /**
     * @param jdbc connection settings
     * @param ometria {@code ometria.*} settings
     * @param schemaAction {@code hibernate.hbm2ddl.auto}
     * @return a SessionFactory over the soak's entities
     */
    static SessionFactory build(Map<String, String> jdbc, Map<String, ?> ometria, String schemaAction) {
        Configuration configuration = new Configuration()
                .addAnnotatedClass(SoakContact.class)
                .addAnnotatedClass(SoakProduct.class)
                .addAnnotatedClass(SoakOrder.class)
                .addAnnotatedClass(SoakOrderLine.class)
                .addAnnotatedClass(SoakTombstone.class);
        jdbc.forEach(configuration::setProperty);
        // getProperties(), not setProperty(..): ometria.listener is an object, not a String
        ometria.forEach((name, value) -> configuration.getProperties().put(name, value));
        configuration.setProperty("hibernate.hbm2ddl.auto", schemaAction);
        configuration.setProperty("hibernate.connection.pool_size", "8");
        return configuration.buildSessionFactory();
    }

    /** Prints the {@code request_id} of every accepted request, for the controller's attribution. */
    private static final class SentRequestLog implements OmetriaListener {
        @Override
        public void sent(List<OmetriaRecord> records, String requestId) {
            if (requestId != null) {
                System.out.println("SENT " + requestId);
            }
        }
    }

    private static Map<String, String> ometriaProperties() {
        Map<String, String> settings = new java.util.TreeMap<>();
        Properties system = System.getProperties();
        for (String name : system.stringPropertyNames()) {
            if (name.startsWith("ometria.")) {
                settings.put(name, system.getProperty(name));
            }
        }
        return settings;
    }

    private static void reportEverySecond(OmetriaSync sync, ChangeStream changes) {
        while (true) {
            try {
                Thread.sleep(1000);
                String line = "STATUS committed=" + changes.committed()
                        + " rolledBack=" + changes.rolledBackOnPurpose()
                        + " failed=" + changes.failures().values().stream().mapToLong(Long::longValue).sum()
                        + " active=" + sync.isActiveRelay()
                        + " captureFailures=" + sync.captureFailures()
                        + " failures=" + changes.failures().toString().replace(" ", "");
                System.out.println(line);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                System.out.println("STATUS unavailable " + e.getClass().getSimpleName());
            }
        }
    }
}
