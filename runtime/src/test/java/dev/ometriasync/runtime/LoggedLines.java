package dev.ometriasync.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What our code logs at INFO and above while a test runs ({@code dev.ometriasync} loggers), as
 * {@code LEVEL message} lines, for tests that assert the wording operators read.
 */
final class LoggedLines implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final Logger logger;
    private final Level levelBefore;
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            synchronized (lines) {
                lines.add(event.getLevel() + " " + event.getFormattedMessage());
            }
        }
    };

    private LoggedLines() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        logger = context.getLogger("dev.ometriasync");
        levelBefore = logger.getLevel();
        logger.setLevel(Level.INFO);
        appender.setContext(context);
        appender.start();
        logger.addAppender(appender);
    }

    /** Starts capturing. */
    static LoggedLines capture() {
        return new LoggedLines();
    }

    /**
     * The captured lines that contain a text.
     *
     * @param text what the lines contain
     * @return them, in the order they were logged
     */
    List<String> containing(String text) {
        synchronized (lines) {
            return lines.stream().filter(line -> line.contains(text)).toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
        logger.setLevel(levelBefore);
    }
}
