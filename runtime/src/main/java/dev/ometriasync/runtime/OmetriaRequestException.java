package dev.ometriasync.runtime;

/**
 * A request to Ometria that did not give a usable answer (for calls that report failure by exception,
 * such as {@link OmetriaClient#recentErrors()}). The message is safe to log: it never holds the API key,
 * and e-mail addresses in it are masked.
 */
public class OmetriaRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;

    /**
     * Creates the exception.
     *
     * @param statusCode the HTTP status, or -1 when no response arrived
     * @param message a log-safe description
     * @param cause the underlying failure, or null
     */
    public OmetriaRequestException(int statusCode, String message, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    /**
     * The HTTP status of the answer.
     *
     * @return the status, or -1 when no response arrived (I/O error, timeout)
     */
    public int statusCode() {
        return statusCode;
    }
}
