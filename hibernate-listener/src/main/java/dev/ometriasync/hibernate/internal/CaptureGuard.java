package dev.ometriasync.hibernate.internal;

import dev.ometriasync.hibernate.CaptureFailurePolicy;
import dev.ometriasync.hibernate.OmetriaCaptureException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps ometria-sync's own errors out of the user's transaction. Work done inside Hibernate's flush and
 * transaction completion runs through {@link #run}: an unexpected error (including a {@link LinkageError}
 * from a Hibernate API that changed) is logged and counted, and then either fails the transaction with one
 * clear {@link OmetriaCaptureException} or is swallowed, as {@link CaptureFailurePolicy} says. Only errors
 * of the virtual machine itself (out of memory, stack overflow) pass through unchanged.
 */
final class CaptureGuard {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureGuard.class);

    private final CaptureFailurePolicy policy;
    private final AtomicLong failures = new AtomicLong();

    CaptureGuard(CaptureFailurePolicy policy) {
        this.policy = policy;
    }

    /**
     * Runs capture work.
     *
     * @param what what is being recorded, for the message (an entity name, never entity data)
     * @param work the work
     * @throws OmetriaCaptureException when the work failed and the policy is {@code fail}
     */
    void run(String what, Runnable work) {
        try {
            work.run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (OmetriaCaptureException e) {
            throw e; // already reported by a nested guard
        } catch (Throwable e) {
            failed(what, e);
        }
    }

    /**
     * Reports a failure of capture work.
     *
     * @param what what was being recorded
     * @param error the error
     * @throws OmetriaCaptureException when the policy is {@code fail}
     */
    void failed(String what, Throwable error) {
        long count = failures.incrementAndGet();
        if (policy == CaptureFailurePolicy.FAIL) {
            LOG.error("ometria-sync could not record a change of {} (capture failure #{}); the transaction is rolled back"
                    + " because ometria.capture-failure=fail", what, count, error);
            throw new OmetriaCaptureException("ometria-sync could not record a change of " + what + ": " + error
                    + ". The transaction was rolled back so that nothing is committed without its outbox row"
                    + " (ometria.capture-failure=fail). Fix the cause, or set ometria.capture-failure=log to commit such"
                    + " transactions without sending the change.", error);
        }
        LOG.error("ometria-sync could not record a change of {} (capture failure #{}); the transaction goes on and this"
                + " change is not sent (ometria.capture-failure=log): call OmetriaSync.touch(…) for it once the cause is"
                + " fixed", what, count, error);
    }

    /** @return how many capture failures happened since start */
    long failures() {
        return failures.get();
    }
}
