package dev.ometriasync.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ometriasync.testkit.ValidationFailure;

/**
 * {@code GET /v2/push/_errors}: the {@value ErrorLog#API_LIMIT} most recent validation failures, newest first
 * (the order is an assumption), each as {@code {"error_message": ..., "error_path": ...}} and nothing more,
 * which is Ometria's documented shape. Not rate-limited (assumption: Ometria's push rate covers pushes).
 */
final class ErrorsHandler {

    private final SimulatorSettings settings;
    private final ErrorLog errors;

    ErrorsHandler(SimulatorSettings settings, ErrorLog errors) {
        this.settings = settings;
        this.errors = errors;
    }

    Answer handle(IncomingRequest request) {
        if (!request.carriesKey(settings.apiKey())) {
            return Answer.error(settings.authFailureStatus(),
                    "API key missing or not valid: send the account's Data API key in X-Ometria-Auth", "unauthorized");
        }
        ArrayNode body = PushBody.JSON.createArrayNode();
        for (ValidationFailure error : errors.mostRecent(ErrorLog.API_LIMIT)) {
            body.addObject().put("error_message", error.errorMessage()).put("error_path", error.errorPath());
        }
        return Answer.json(200, body.toString(), "errors listed");
    }
}
