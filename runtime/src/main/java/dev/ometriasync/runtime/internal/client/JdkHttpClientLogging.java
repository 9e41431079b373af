package dev.ometriasync.runtime.internal.client;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detects the one JDK switch that would print the API key: {@code -Djdk.httpclient.HttpClient.log=headers}
 * (or {@code all}) makes {@code java.net.http} log every request header — {@code X-Ometria-Auth} included —
 * to the {@code jdk.httpclient.HttpClient} logger. Library code cannot filter that output, so the client
 * warns when it sees the switch. The JDK's other log categories and {@code -Djdk.internal.httpclient.debug}
 * print neither headers nor bodies (checked by {@code SecretHygieneTest}).
 */
public final class JdkHttpClientLogging {

    /** The system property the JDK reads, once, when its HTTP client classes are first used. */
    public static final String PROPERTY = "jdk.httpclient.HttpClient.log";

    private static final Logger LOG = LoggerFactory.getLogger(JdkHttpClientLogging.class);

    private JdkHttpClientLogging() {
    }

    /**
     * Whether a value of {@value #PROPERTY} turns on request-header logging.
     *
     * @param value the property value, may be null
     * @return true when it names {@code headers} or {@code all}
     */
    public static boolean logsHeaders(String value) {
        if (value == null) {
            return false;
        }
        for (String category : value.split(",")) {
            String name = category.strip().toLowerCase(Locale.ROOT);
            if (name.equals("headers") || name.equals("all")) {
                return true;
            }
        }
        return false;
    }

    /** Logs a warning when the current JVM has header logging on. */
    static void warnIfHeadersAreLogged() {
        String value = System.getProperty(PROPERTY);
        if (logsHeaders(value)) {
            LOG.warn("-D{}={} makes the JDK HTTP client log every request header, including X-Ometria-Auth with the "
                    + "Ometria API key, to the logger jdk.httpclient.HttpClient. Use it only for local debugging with a "
                    + "test key; remove 'headers'/'all' from the property in any other environment.", PROPERTY, value);
        }
    }
}
