package dev.ometriasync.hibernate.internal;

/**
 * The Hibernate ORM on the class path is one this integration cannot run on. Thrown at start-up only, never
 * in a user's transaction; its message names the running version, the supported ones and what to do.
 */
final class UnsupportedHibernateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String runningVersion;

    UnsupportedHibernateException(String runningVersion, String reason) {
        super("ometria-sync cannot run on Hibernate ORM " + runningVersion + ": " + reason + ". It supports "
                + HibernateLine.SUPPORTED + " (Spring Boot 3.5, 4.0 and 4.1 bring these). Use a supported Hibernate ORM"
                + " version, or set ometria.enabled=false to start without ometria-sync.");
        this.runningVersion = runningVersion;
    }

    /** @return the version found on the class path */
    String runningVersion() {
        return runningVersion;
    }
}
