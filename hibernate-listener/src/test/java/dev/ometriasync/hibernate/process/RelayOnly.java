package dev.ometriasync.hibernate.process;

import dev.ometriasync.hibernate.OmetriaSettings;
import dev.ometriasync.hibernate.fixtures.TestFactories;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.SessionFactory;

/** Child JVM: a SessionFactory whose relay sends outbox rows until the process is killed. */
public final class RelayOnly {

    private RelayOnly() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> jdbc = Map.of(
                "hibernate.connection.url", System.getProperty("jdbc.url"),
                "hibernate.connection.username", System.getProperty("jdbc.user"),
                "hibernate.connection.password", System.getProperty("jdbc.password"));
        Map<String, String> ometria = new HashMap<>();
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith(OmetriaSettings.PREFIX)) {
                ometria.put(key, System.getProperty(key));
            }
        }
        SessionFactory factory = TestFactories.build(jdbc, ometria, "none");
        System.out.println("RELAY STARTED " + factory.hashCode());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
