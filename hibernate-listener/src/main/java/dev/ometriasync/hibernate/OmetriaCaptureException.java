package dev.ometriasync.hibernate;

/**
 * ometria-sync could not record a change of the transaction, and {@link OmetriaSettings#CAPTURE_FAILURE} is
 * {@code fail}: the transaction is rolled back so that nothing is committed without its outbox row. The
 * message names the entity and the cause; the cause is the original error.
 */
public final class OmetriaCaptureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be recorded and what to do
     * @param cause the original error
     */
    public OmetriaCaptureException(String message, Throwable cause) {
        super(message, cause);
    }
}
