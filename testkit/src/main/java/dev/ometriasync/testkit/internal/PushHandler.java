package dev.ometriasync.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ometriasync.testkit.Fault;
import dev.ometriasync.testkit.ValidationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /v2/push}: the synchronous part of Ometria's push endpoint. In order:
 * <ol>
 *   <li>a queued {@link Fault} is played first, else a random one that hit (either stands for something in front
 *       of the API: a load balancer, a network), so it does not consume rate; a slow answer
 *       ({@link Fault#slowAnswer}) goes on through the steps below and only its answer is held back;</li>
 *   <li>{@code X-Ometria-Auth} must hold the key (else 401, or 403 when configured);</li>
 *   <li>the sliding-window request rate (else 429); every authenticated request that gets this far counts,
 *       whatever its later answer;</li>
 *   <li>{@code Content-Type: application/json} (else 415);</li>
 *   <li>the body must be a JSON array of at most 100 elements, each at most 60 KB as sent (else 400);</li>
 *   <li>standing faults for requests holding a matching record;</li>
 *   <li>the backlog: the request's records must fit in the draining queue of records waiting to be processed
 *       (else 429);</li>
 *   <li>the configured success status (200 by default, or 202) with {@code status}, {@code request_id},
 *       {@code accepted}, {@code rejected}; accepted records are validated later by the {@link ValidationWorker}.</li>
 * </ol>
 * Every answer to an authenticated push that the simulator itself gives (not an injected fault, which stands for
 * something in front of the API) carries {@code X-QueueSize-Limit} and {@code X-QueueSize-Remaining}, as Ometria
 * documents. An element counts as {@code rejected} at intake when it is not an object,
 * or lacks a known string {@code @type}, or lacks an {@code id} (a non-empty string, or an integral number, which
 * Ometria's own extension sends): without those Ometria could not even route or key it. Each such element is also
 * listed at {@code _errors}. Everything else is accepted and checked later.
 */
final class PushHandler {

    private final SimulatorSettings settings;
    private final FaultPlan faults;
    private final ValidationWorker worker;
    private final ErrorLog errors;
    private final Object intakeLock = new Object();
    private final RateWindow requestRate;
    private final Backlog backlog;

    PushHandler(SimulatorSettings settings, FaultPlan faults, ValidationWorker worker, ErrorLog errors) {
        this.settings = settings;
        this.faults = faults;
        this.worker = worker;
        this.errors = errors;
        this.requestRate = new RateWindow(settings.requestsPerSecond(), settings.rateWindow());
        this.backlog = new Backlog(settings.backlogCap(), settings.backlogDrainPerSecond());
    }

    Answer handle(IncomingRequest request) {
        Answer answer = answer(request);
        if (answer.fromApi && !answer.isDropped()) {
            addQueueSize(answer);
        }
        return answer;
    }

    private Answer answer(IncomingRequest request) {
        boolean authenticated = request.carriesKey(settings.apiKey());
        Fault queued = faults.pollQueued();
        if (queued == null) {
            queued = faults.drawRandom();
        }
        Duration answerDelay = Duration.ZERO;
        if (queued != null) {
            Answer faulted = play(queued, "fault");
            if (faulted != null) {
                return faulted;
            }
            answerDelay = queued.answerDelay();
        }
        Answer answer = answerPastFaults(request, authenticated);
        answer.answerDelay = answerDelay;
        return answer;
    }

    private Answer answerPastFaults(IncomingRequest request, boolean authenticated) {
        if (!authenticated) {
            // No account, so no queue to report on.
            return Answer.error(settings.authFailureStatus(),
                    "API key missing or not valid: send the account's Data API key in X-Ometria-Auth", "unauthorized");
        }
        Optional<Duration> rateWait;
        synchronized (intakeLock) {
            // At the arrival time the request log shows, so that the log's busiest second is what the limit judged.
            rateWait = requestRate.tryAdmit(request.arrival(), 1);
        }
        if (rateWait.isPresent()) {
            return rateLimited(rateWait.get(), "Too many requests: at most " + settings.requestsPerSecond()
                    + " push requests per " + describe(settings.rateWindow()) + " for this account", "rate-limited")
                    .fromApi();
        }
        if (!isJson(request.headers().getFirst("Content-Type"))) {
            return Answer.error(415, "Content-Type must be application/json", "unsupported-media-type").fromApi();
        }
        PushBody body;
        try {
            body = PushBody.parse(request.body());
        } catch (PushBody.Unreadable e) {
            return Answer.error(400, e.getMessage(), "invalid-payload").fromApi();
        }
        Answer refused = checkLimits(body);
        if (refused != null) {
            return refused.about(body).fromApi();
        }
        List<JsonNode> nodes = body.elements().stream().map(PushBody.Element::node).toList();
        Fault matched = faults.matching(nodes);
        if (matched != null) {
            Answer faulted = play(matched, "record fault");
            if (faulted != null) {
                return faulted.about(body);
            }
        }
        Optional<Duration> backlogWait;
        synchronized (intakeLock) {
            backlogWait = backlog.tryAdmit(settings.clock().instant(), body.size());
        }
        if (backlogWait.isPresent()) {
            return rateLimited(backlogWait.get(), "Too many asynchronous import records: at most "
                    + settings.backlogCap() + " records may wait to be processed", "backlog-full")
                    .about(body).fromApi();
        }
        return accept(body).fromApi();
    }

    /**
     * Counts another Data API call of the account ({@code GET /v2/push/_errors}) in the same sliding window as the
     * pushes: Ometria's older pages give one budget for every Data API call of an account.
     *
     * @param arrival when the request arrived
     * @return null when admitted; else the 429 answer
     */
    Answer admitOtherCall(java.time.Instant arrival) {
        Optional<Duration> rateWait;
        synchronized (intakeLock) {
            rateWait = requestRate.tryAdmit(arrival, 1);
        }
        return rateWait.map(wait -> rateLimited(wait, "Too many requests: at most " + settings.requestsPerSecond()
                + " requests (pushes and other Data API calls) per " + describe(settings.rateWindow())
                + " for this account", "rate-limited")).orElse(null);
    }

    void reset() {
        synchronized (intakeLock) {
            requestRate.clear();
            backlog.clear();
        }
    }

    private Answer checkLimits(PushBody body) {
        if (body.size() > settings.maxRecordsPerRequest()) {
            return Answer.error(400, "Payload invalid: too many records (" + body.size() + "); at most "
                    + settings.maxRecordsPerRequest() + " records per request", "too-many-records");
        }
        for (PushBody.Element element : body.elements()) {
            if (element.bytes() > settings.maxRecordBytes()) {
                return Answer.error(400, "Payload invalid: Record is too large.", "record-too-large");
            }
        }
        if (settings.rejectMixedTypes() && body.types().size() > 1) {
            return Answer.error(400, "Payload invalid: a request must hold one record type, got " + body.types(),
                    "mixed-types");
        }
        return null;
    }

    private Answer accept(PushBody body) {
        String requestId = UUID.randomUUID().toString();
        Instant now = settings.clock().instant();
        List<ObjectNode> accepted = new ArrayList<>();
        int rejected = 0;
        for (PushBody.Element element : body.elements()) {
            String problemPath = intakeProblem(element.node());
            if (problemPath == null) {
                accepted.add(((ObjectNode) element.node()).deepCopy());
            } else {
                rejected++;
                errors.add(new ValidationFailure(ValueRule.NOT_VALID, problemPath, element.type(), element.id(), requestId, now));
            }
        }
        worker.submit(new ValidationWorker.Batch(requestId, accepted));
        ObjectNode json = PushBody.JSON.createObjectNode();
        json.put("status", "OK");
        json.put("request_id", requestId);
        json.put("accepted", accepted.size());
        json.put("rejected", rejected);
        Answer answer = Answer.json(settings.successStatus(), json.toString(), "accepted").about(body);
        answer.requestId = requestId;
        return answer;
    }

    /** @return the path of the reason the element cannot even be queued, or null when it can */
    private static String intakeProblem(JsonNode element) {
        if (!element.isObject()) {
            return "root";
        }
        JsonNode type = element.get("@type");
        if (type == null || !type.isTextual() || !RecordChecker.RECORD_TYPES.contains(type.textValue())) {
            return "root > @type";
        }
        if (!RecordChecker.isRecordId(element.get("id"))) {
            return "root > id";
        }
        return null;
    }

    private Answer rateLimited(Duration wait, String message, String outcome) {
        Answer answer = Answer.error(429, message, outcome);
        if (settings.sendRetryAfter()) {
            answer.header("Retry-After", Long.toString(wholeSecondsAtLeastOne(wait)));
        }
        return answer;
    }

    private void addQueueSize(Answer answer) {
        long remaining;
        synchronized (intakeLock) {
            remaining = backlog.remaining(settings.clock().instant());
        }
        answer.header("X-QueueSize-Limit", Long.toString(backlog.limit()));
        answer.header("X-QueueSize-Remaining", Long.toString(remaining));
    }

    /** @return the faulted answer, or null when the fault says to go on normally */
    private Answer play(Fault fault, String origin) {
        return play(fault, origin, faults.gate());
    }

    /**
     * Plays a fault.
     *
     * @return the faulted answer, or null when the fault says to go on normally
     */
    static Answer play(Fault fault, String origin, FaultPlan.HoldGate gate) {
        if (fault.holds()) {
            gate.hold();
        }
        if (!fault.delay().isZero()) {
            sleep(fault.delay());
        }
        String outcome = origin + ": " + fault;
        return switch (fault.action()) {
            case PROCEED -> null;
            case DROP_CONNECTION -> Answer.dropped(outcome);
            case RESPOND -> {
                Answer answer = fault.body() != null
                        ? Answer.json(fault.statusCode(), fault.body(), outcome)
                        : Answer.error(fault.statusCode(), "Simulated failure (HTTP " + fault.statusCode() + ")", outcome);
                if (fault.retryAfter() != null) {
                    answer.header("Retry-After", Long.toString(wholeSecondsAtLeastOne(fault.retryAfter())));
                }
                yield answer;
            }
        };
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].trim();
        return mediaType.equalsIgnoreCase("application/json");
    }

    static long wholeSecondsAtLeastOne(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private static String describe(Duration window) {
        return window.equals(Duration.ofSeconds(1)) ? "second" : window.toString();
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
