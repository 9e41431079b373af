package dev.ometriasync.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.ometriasync.testkit.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The one HTTP handler of both listeners (HTTP and HTTPS): reads the request, routes it, writes (or drops)
 * the answer, and logs the request with its arrival time on the simulator's clock.
 */
public final class ApiRouter implements HttpHandler {

    static final String PUSH_PATH = "/v2/push";
    static final String ERRORS_PATH = "/v2/push/_errors";

    private final SimulatorSettings settings;
    private final Clock clock;
    private final PushHandler push;
    private final ErrorsHandler errorList;
    private final RequestLog log;
    private final NetworkDelay network;

    public ApiRouter(SimulatorSettings settings, FaultPlan faults, FaultPlan errorListFaults, ValidationWorker worker,
                     ErrorLog errors, RequestLog log) {
        this.settings = settings;
        this.clock = settings.clock();
        this.push = new PushHandler(settings, faults, worker, errors);
        this.errorList = new ErrorsHandler(settings, errors, push, errorListFaults);
        this.log = log;
        this.network = new NetworkDelay(settings.networkDelayMin(), settings.networkDelayMax(),
                settings.newConnectionDelay());
    }

    /** Forgets the rate and backlog windows. */
    public void reset() {
        push.reset();
        network.forgetConnections();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        IncomingRequest request;
        RequestLog.Arrival arrival;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            // The request is seen (arrival time, place in the rate window, sequence) only after the network's delay.
            network.delay(exchange.getRemoteAddress());
            arrival = log.arrive(clock);
            request = new IncomingRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(), body, arrival.at());
        }
        long sequence = arrival.sequence();
        Answer answer;
        try {
            answer = route(request);
        } catch (RuntimeException e) {
            answer = Answer.error(500, "Simulator failure: " + e, "simulator failure");
        }
        // Log before answering: a test that got its response must find the request in the log.
        log.add(record(sequence, request, answer));
        if (!answer.answerDelay.isZero()) {
            sleep(answer.answerDelay);
        }
        write(exchange, answer);
    }

    private Answer route(IncomingRequest request) {
        String path = request.path();
        if (PUSH_PATH.equals(path)) {
            return "POST".equals(request.method()) ? push.handle(request) : notAllowed("POST");
        }
        if (ERRORS_PATH.equals(path)) {
            return "GET".equals(request.method()) ? errorList.handle(request) : notAllowed("GET");
        }
        return Answer.error(404, "Not found: " + path + " (the simulator serves POST " + PUSH_PATH + " and GET "
                + ERRORS_PATH + ")", "not found");
    }

    private static Answer notAllowed(String allowed) {
        return Answer.error(405, "Method not allowed; use " + allowed, "method not allowed").header("Allow", allowed);
    }

    private static void sleep(java.time.Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(HttpExchange exchange, Answer answer) throws IOException {
        if (answer.isDropped()) {
            // Closing before any response header was sent closes the connection itself: the client sees EOF.
            exchange.close();
            return;
        }
        byte[] bytes = answer.body == null ? new byte[0] : answer.body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        answer.headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(answer.status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private RecordedRequest record(long sequence, IncomingRequest request, Answer answer) {
        PushBody body = answer.pushBody;
        boolean isPush = PUSH_PATH.equals(request.path()) && "POST".equals(request.method());
        if (body == null && isPush) {
            try {
                body = PushBody.parse(request.body());
            } catch (PushBody.Unreadable e) {
                body = null;
            }
        }
        Set<String> types = body == null ? Set.of() : Collections.unmodifiableSet(body.types());
        List<String> ids = body == null ? List.of() : body.ids();
        String text = settings.keepRequestBodies() ? new String(request.body(), StandardCharsets.UTF_8) : null;
        return new RecordedRequest(sequence, request.arrival(), request.method(), request.path(), answer.status,
                body == null ? 0 : body.size(), types, Collections.unmodifiableList(ids),
                request.body().length, request.carriesKey(settings.apiKey()), answer.requestId,
                answer.answerDelay.isZero() ? answer.outcome : answer.outcome + ", answer delayed " + answer.answerDelay,
                text);
    }
}
