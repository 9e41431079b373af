package dev.ometriasync.runtime.hygiene;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.LogManager;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Captures everything the JVM logs while a test runs, at the finest level, from every channel a secret
 * could leak through:
 * <ul>
 *   <li>SLF4J (our code) — logback's root logger at TRACE into memory;</li>
 *   <li>{@code System.Logger} and {@code java.util.logging} (the JDK HTTP client's {@code jdk.httpclient.HttpClient}
 *       logger) — JUL's root at ALL, bridged into SLF4J;</li>
 *   <li>standard error and output — where {@code -Djdk.internal.httpclient.debug=true} prints the JDK's debug traces.</li>
 * </ul>
 * Each logged event keeps its logger name, so a test can show that each channel really captured something.
 */
final class LogCapture implements AutoCloseable {

    /** One captured line and where it came from. */
    record Line(String source, String text) {
    }

    private final List<Line> events = new ArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private ch.qos.logback.core.Appender<ILoggingEvent> console;
    private final PrintStream originalErr = System.err;
    private final PrintStream originalOut = System.out;
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder text = new StringBuilder(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            synchronized (events) {
                events.add(new Line(event.getLoggerName(), text.toString()));
            }
        }
    };

    LogCapture start() {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.TRACE);
        // The console appender of logback-test.xml would copy every event into the console capture a second time.
        console = root.getAppender("CONSOLE");
        if (console != null) {
            root.detachAppender(console);
        }
        appender.setContext(logback);
        appender.start();
        root.addAppender(appender);

        LogManager.getLogManager().reset();
        SLF4JBridgeHandler.install();
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.ALL);

        // Captured only, not copied to the real streams: the JDK's debug traces run to thousands of lines.
        System.setErr(new PrintStream(new Capture(printed), true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(new Capture(printed), true, StandardCharsets.UTF_8));
        return this;
    }

    /**
     * Everything captured so far: logged events first, then each console line.
     *
     * @return the lines
     */
    List<Line> lines() {
        List<Line> all;
        synchronized (events) {
            all = new ArrayList<>(events);
        }
        String text;
        synchronized (printed) {
            text = printed.toString(StandardCharsets.UTF_8);
        }
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                all.add(new Line("console", line));
            }
        }
        return all;
    }

    @Override
    public void close() {
        System.setErr(originalErr);
        System.setOut(originalOut);
        SLF4JBridgeHandler.uninstall();
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(appender);
        appender.stop();
        if (console != null) {
            root.addAppender(console);
        }
        root.setLevel(Level.WARN);
    }

    private static final class Capture extends OutputStream {
        private final ByteArrayOutputStream copy;

        Capture(ByteArrayOutputStream copy) {
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            synchronized (copy) {
                copy.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (copy) {
                copy.write(b, off, len);
            }
        }
    }
}
