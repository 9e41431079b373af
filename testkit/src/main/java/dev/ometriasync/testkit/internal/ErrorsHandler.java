package dev.ometriasync.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ometriasync.testkit.Fault;
import dev.ometriasync.testkit.ValidationFailure;

/**
 * {@code GET /v2/push/_errors}: the {@value ErrorLog#API_LIMIT} most recent validation failures, newest first
 * (the order is an assumption), each as {@code {"error_message": ..., "error_path": ...}} and nothing more,
 * which is Ometria's documented shape. In order: a queued fault for error listings (standing for something in
 * front of the API), the key (else 401, or 403 when configured), then the account's request rate, shared with the
 * pushes (else 429): Ometria's older pages state one budget for all Data API calls of an account.
 */
final class ErrorsHandler {

    private final SimulatorSettings settings;
    private final ErrorLog errors;
    private final PushHandler rate;
    private final FaultPlan faults;

    ErrorsHandler(SimulatorSettings settings, ErrorLog errors, PushHandler rate, FaultPlan faults) {
        this.settings = settings;
        this.errors = errors;
        this.rate = rate;
        this.faults = faults;
    }

    Answer handle(IncomingRequest request) {
        Fault queued = faults.pollQueued();
        if (queued != null) {
            Answer faulted = PushHandler.play(queued, "error listing fault", faults.gate());
            if (faulted != null) {
                return faulted;
            }
        }
        if (!request.carriesKey(settings.apiKey())) {
            return Answer.error(settings.authFailureStatus(),
                    "API key missing or not valid: send the account's Data API key in X-Ometria-Auth", "unauthorized");
        }
        Answer limited = rate.admitOtherCall(request.arrival());
        if (limited != null) {
            return limited;
        }
        ArrayNode body = PushBody.JSON.createArrayNode();
        for (ValidationFailure error : errors.mostRecent(ErrorLog.API_LIMIT)) {
            body.addObject().put("error_message", error.errorMessage()).put("error_path", error.errorPath());
        }
        return Answer.json(200, body.toString(), "errors listed");
    }
}
