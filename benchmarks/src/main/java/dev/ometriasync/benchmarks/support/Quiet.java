package dev.ometriasync.benchmarks.support;

/** Keeps library logging out of the harnesses' tables: warnings and errors only, ometria-sync at info. */
public final class Quiet {

    private Quiet() {
    }

    /** Call first in {@code main}, before any logger exists. */
    public static void logging() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.dev.ometriasync", "warn");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.log.org.hibernate.orm.connections.pooling", "error");
        System.setProperty("org.jboss.logging.provider", "slf4j");
    }
}
