package dev.ometriasync.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour the simulator plays on a push request instead of (or before) its normal answer. Arm faults
 * with {@link OmetriaSimulator#failNext(int, Fault)} or
 * {@link OmetriaSimulator#failRequestsWithRecord(java.util.function.Predicate, Fault)}.
 *
 * <pre>{@code
 * simulator.failNext(2, Fault.status(503));
 * simulator.failNext(Fault.status(429).withRetryAfter(Duration.ofSeconds(3)));
 * simulator.failNext(Fault.dropConnection());
 * simulator.failNext(Fault.hold());            // blocks until simulator.releaseHeldRequests()
 * simulator.failNext(Fault.status(503).afterDelay(Duration.ofSeconds(2)));
 * simulator.failNext(Fault.slowAnswer(Duration.ofSeconds(5))); // accepted and stored at once, answered late
 * simulator.failAtRandom(0.05, Fault.status(503), 42);        // about one push request in 20, reproducibly
 * }</pre>
 *
 * <p>Immutable.
 */
public final class Fault {

    /** What happens once the optional delay and hold are over. */
    public enum Action {
        /** Answer with {@link #statusCode()} and {@link #body()}. */
        RESPOND,
        /** Close the connection without any response. */
        DROP_CONNECTION,
        /** Go on and handle the request normally. */
        PROCEED
    }

    private final Action action;
    private final int statusCode;
    private final String body;
    private final Duration retryAfter;
    private final Duration delay;
    private final boolean hold;
    private final Duration answerDelay;

    private Fault(Action action, int statusCode, String body, Duration retryAfter, Duration delay, boolean hold) {
        this(action, statusCode, body, retryAfter, delay, hold, Duration.ZERO);
    }

    private Fault(Action action, int statusCode, String body, Duration retryAfter, Duration delay, boolean hold,
                  Duration answerDelay) {
        this.action = action;
        this.statusCode = statusCode;
        this.body = body;
        this.retryAfter = retryAfter;
        this.delay = delay;
        this.hold = hold;
        this.answerDelay = answerDelay;
    }

    /**
     * Answer with an HTTP status and a JSON error body.
     *
     * @param statusCode 100–599, for example 500, 503, 401, 403, 429 or 413
     * @return the fault
     */
    public static Fault status(int statusCode) {
        if (statusCode < 100 || statusCode > 599) {
            throw new IllegalArgumentException("HTTP status must be within 100-599, got " + statusCode);
        }
        return new Fault(Action.RESPOND, statusCode, null, null, Duration.ZERO, false);
    }

    /** @return a fault that closes the connection without sending any response */
    public static Fault dropConnection() {
        return new Fault(Action.DROP_CONNECTION, 0, null, null, Duration.ZERO, false);
    }

    /**
     * Wait (real time: this is for client timeouts, which run on real time), then handle the request normally.
     *
     * @param delay how long to wait
     * @return the fault
     */
    public static Fault delay(Duration delay) {
        return new Fault(Action.PROCEED, 0, null, null, checkDelay(delay), false);
    }

    /**
     * Handle the request normally at once (it counts against the rate at its arrival, and accepted records are
     * stored), then wait (real time) before sending the answer: a slow Ometria. A client whose request timeout is
     * shorter gives up on a request whose records Ometria nevertheless holds, which is how a late write happens.
     *
     * @param answerDelay how long the answer is held back after the request was handled
     * @return the fault
     */
    public static Fault slowAnswer(Duration answerDelay) {
        return new Fault(Action.PROCEED, 0, null, null, Duration.ZERO, false, checkDelay(answerDelay));
    }

    /**
     * Hold the request, unanswered, until {@link OmetriaSimulator#releaseHeldRequests()}, then handle it
     * normally. Lets a test keep a request in flight for exactly as long as it needs, without sleeping.
     *
     * @return the fault
     */
    public static Fault hold() {
        return new Fault(Action.PROCEED, 0, null, null, Duration.ZERO, true);
    }

    /**
     * @param after the {@code Retry-After} value to send, rounded up to whole seconds (at least 1)
     * @return a copy of this fault that also sends {@code Retry-After}
     */
    public Fault withRetryAfter(Duration after) {
        Objects.requireNonNull(after, "after");
        requireResponding("withRetryAfter");
        return new Fault(action, statusCode, body, after, delay, hold);
    }

    /**
     * @param json the response body to send instead of the default JSON error body
     * @return a copy of this fault with that body
     */
    public Fault withBody(String json) {
        Objects.requireNonNull(json, "json");
        requireResponding("withBody");
        return new Fault(action, statusCode, json, retryAfter, delay, hold);
    }

    /**
     * @param wait how long to wait (real time) before acting
     * @return a copy of this fault that first waits
     */
    public Fault afterDelay(Duration wait) {
        return new Fault(action, statusCode, body, retryAfter, checkDelay(wait), hold, answerDelay);
    }

    /** @return a copy of this fault that first holds the request until released */
    public Fault afterHold() {
        return new Fault(action, statusCode, body, retryAfter, delay, true, answerDelay);
    }

    /** @return what happens after the delay and hold */
    public Action action() {
        return action;
    }

    /** @return the status answered when {@link #action()} is {@link Action#RESPOND}, else 0 */
    public int statusCode() {
        return statusCode;
    }

    /** @return the body to answer, or null for the default JSON error body */
    public String body() {
        return body;
    }

    /** @return the {@code Retry-After} to send, or null for none */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** @return the real-time delay before acting (zero for none) */
    public Duration delay() {
        return delay;
    }

    /**
     * @return how long the answer is held back after normal handling ({@link #slowAnswer(Duration)}); zero for
     *     none
     */
    public Duration answerDelay() {
        return answerDelay;
    }

    /** @return whether the request is held until {@link OmetriaSimulator#releaseHeldRequests()} */
    public boolean holds() {
        return hold;
    }

    private void requireResponding(String method) {
        if (action != Action.RESPOND) {
            throw new IllegalStateException(method + " only applies to Fault.status(..), not to " + this);
        }
    }

    private static Duration checkDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + delay);
        }
        return delay;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (hold) {
            text.append("hold, then ");
        }
        if (!delay.isZero()) {
            text.append("delay ").append(delay).append(", then ");
        }
        switch (action) {
            case RESPOND -> text.append("status ").append(statusCode);
            case DROP_CONNECTION -> text.append("drop connection");
            case PROCEED -> text.append(answerDelay.isZero() ? "proceed" : "slow answer " + answerDelay);
        }
        if (retryAfter != null) {
            text.append(" with Retry-After ").append(retryAfter);
        }
        return text.toString();
    }
}
