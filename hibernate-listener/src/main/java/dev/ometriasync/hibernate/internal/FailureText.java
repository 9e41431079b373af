package dev.ometriasync.hibernate.internal;

/**
 * What a failure says in a log line or an outbox row's last error: the exception, and its root cause when that is
 * another one. Hibernate wraps a converter's refusal as "Error attempting to apply AttributeConverter"; the reason is
 * only in the cause. Not masked: callers that log it mask e-mail addresses.
 */
final class FailureText {

    private FailureText() {
    }

    /**
     * Describes a failure.
     *
     * @param failure the failure
     * @return {@code failure.toString()}, followed by {@code "; caused by "} and the root cause when there is one
     */
    static String describe(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        return root == failure ? failure.toString() : failure + "; caused by " + root;
    }
}
