package dev.ometriasync.hibernate.process;

import dev.ometriasync.hibernate.OmetriaSettings;
import dev.ometriasync.hibernate.fixtures.Customer;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.SessionFactory;

/**
 * Child JVM: commits N customer inserts while Ometria is unreachable, then dies at once with
 * {@code Runtime.halt} (no shutdown hooks, no SessionFactory close, nothing flushed).
 */
public final class CommitThenHalt {

    private CommitThenHalt() {
    }

    public static void main(String[] args) {
        Map<String, String> jdbc = Map.of(
                "hibernate.connection.url", System.getProperty("jdbc.url"),
                "hibernate.connection.username", System.getProperty("jdbc.user"),
                "hibernate.connection.password", System.getProperty("jdbc.password"));
        Map<String, String> ometria = new HashMap<>();
        ometria.put(OmetriaSettings.API_KEY.key(), "unreachable-key");
        ometria.put(OmetriaSettings.ENDPOINT.key(), System.getProperty("ometria.endpoint"));
        ometria.put(OmetriaSettings.MODE.key(), System.getProperty("ometria.mode"));
        ometria.put(OmetriaSettings.RELAY_POLL_INTERVAL.key(), "200ms");
        ometria.put(OmetriaSettings.RELAY_LEASE_DURATION.key(), "3s");
        long first = Long.parseLong(System.getProperty("first.id"));
        int count = Integer.parseInt(System.getProperty("count"));
        SessionFactory factory = TestFactories.build(jdbc, ometria, "none");
        for (int i = 0; i < count; i++) {
            long id = first + i;
            factory.inTransaction(s -> s.persist(new Customer(id, "crash" + id + "@example.com", "Crash", "Test")));
        }
        System.out.println("COMMITTED " + count);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
