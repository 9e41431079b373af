package dev.ometriasync.spring.boot;

/**
 * The {@code ometria.*} configuration cannot work: the start fails with this, and Spring Boot prints its
 * {@linkplain #action() action}.
 */
public class OmetriaStartupException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient String action;

    /**
     * Creates the exception.
     *
     * @param description what is wrong
     * @param action what to do about it
     */
    public OmetriaStartupException(String description, String action) {
        super(description);
        this.action = action;
    }

    /**
     * What to do about it.
     *
     * @return the action
     */
    public String action() {
        return action;
    }
}
