package dev.ometriasync.sample;

import dev.ometriasync.runtime.OmetriaClient;
import dev.ometriasync.runtime.PushError;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * For a real account: the validation failures Ometria lists at {@code GET /v2/push/_errors}. Ometria
 * validates pushed records after acknowledging them, so this is where a refused record shows up. The list
 * is the account's most recent failures, which may include records other programs pushed.
 */
final class RecentErrors {

    private static final int SHOWN = 5;

    private final OmetriaTarget target;

    RecentErrors(OmetriaTarget target) {
        this.target = target;
    }

    void print(PrintStream out) {
        OmetriaClient client = target.newClient();
        try {
            List<PushError> errors = client.recentErrors().get(30, TimeUnit.SECONDS);
            out.printf("   GET /v2/push/_errors: %d recent validation failure(s) on the account%s%n", errors.size(),
                    errors.isEmpty() ? "" : " (most recent first; they may come from other programs too)");
            errors.stream().limit(SHOWN).forEach(e -> out.println("     " + e));
        } catch (ExecutionException | TimeoutException e) {
            out.println("   GET /v2/push/_errors failed: " + (e.getCause() == null ? e : e.getCause()).getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
