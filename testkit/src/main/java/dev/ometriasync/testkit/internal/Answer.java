package dev.ometriasync.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ometriasync.testkit.RecordedRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the simulator answers to one request, and what the request log should say about it. */
final class Answer {

    final int status;
    final String body;
    final Map<String, String> headers = new LinkedHashMap<>();
    final String outcome;
    PushBody pushBody;
    String requestId;
    /** Given by the simulated API itself (not an injected fault): carries the queue headers. */
    boolean fromApi;
    /** How long to hold the answer back after the request was handled and logged (a slow-answer fault). */
    Duration answerDelay = Duration.ZERO;

    private Answer(int status, String body, String outcome) {
        this.status = status;
        this.body = body;
        this.outcome = outcome;
    }

    static Answer json(int status, String body, String outcome) {
        return new Answer(status, body, outcome);
    }

    /**
     * An error answer with the simulator's JSON error body {@code {"status":"ERROR","message":"..."}}. Ometria does
     * not document the shape of an error body: this one is an assumption, modelled
     * on the {@code status} field of the documented success body. Clients should read no more than the status code.
     */
    static Answer error(int status, String message, String outcome) {
        ObjectNode body = PushBody.JSON.createObjectNode();
        body.put("status", "ERROR");
        body.put("message", message);
        return new Answer(status, body.toString(), outcome);
    }

    static Answer dropped(String outcome) {
        return new Answer(RecordedRequest.NO_RESPONSE, null, outcome);
    }

    Answer fromApi() {
        this.fromApi = true;
        return this;
    }

    Answer header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Answer about(PushBody body) {
        this.pushBody = body;
        return this;
    }

    boolean isDropped() {
        return status == RecordedRequest.NO_RESPONSE;
    }
}
