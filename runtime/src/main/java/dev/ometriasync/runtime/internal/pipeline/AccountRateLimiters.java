package dev.ometriasync.runtime.internal.pipeline;

import dev.ometriasync.runtime.spi.TimeSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM-wide registry of {@link AccountRateLimiter}s: pipelines with the same API key and time source share
 * one limiter, whatever the spelling of their endpoint ({@code 127.0.0.1} and {@code localhost}, a trailing
 * slash, a proxy in front): the key names the account, and the account's rate is what Ometria enforces, so two SessionFactories (or a live pipeline and a backfill) of one application
 * never add up to more than the account allows. Limiters are reference-counted and forgotten when their
 * last pipeline closes. The registry keeps only a SHA-256 digest of the key, never the key.
 */
final class AccountRateLimiters {

    private static final Logger LOG = LoggerFactory.getLogger(AccountRateLimiters.class);
    private static final Map<Account, Shared> SHARED = new HashMap<>();

    private AccountRateLimiters() {
    }

    /** A pipeline's hold on a shared limiter. */
    static final class Lease implements AutoCloseable {
        private final Account account;
        private final Shared shared;
        private final double requestsPerSecond;
        private boolean released;

        private Lease(Account account, Shared shared, double requestsPerSecond) {
            this.account = account;
            this.shared = shared;
            this.requestsPerSecond = requestsPerSecond;
        }

        AccountRateLimiter limiter() {
            return shared.limiter;
        }

        @Override
        public void close() {
            synchronized (SHARED) {
                if (released) {
                    return;
                }
                released = true;
                shared.rates.merge(requestsPerSecond, -1, Integer::sum);
                shared.rates.remove(requestsPerSecond, 0);
                if (shared.rates.isEmpty()) {
                    SHARED.remove(account);
                } else {
                    shared.limiter.setRate(shared.lowestRate());
                }
            }
        }
    }

    /** An Ometria account as this JVM sees it: its key (digested) and the clock the pipelines run on. */
    private record Account(String keyDigest, TimeSource time) {
    }

    private static final class Shared {
        final AccountRateLimiter limiter;
        /** Configured rate → number of pipelines that asked for it; the limiter runs at the lowest. */
        final Map<Double, Integer> rates = new HashMap<>();

        Shared(double requestsPerSecond) {
            limiter = new AccountRateLimiter(requestsPerSecond, () -> ThreadLocalRandom.current().nextDouble());
        }

        double lowestRate() {
            return rates.keySet().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        }
    }

    /**
     * Joins (or creates) the limiter of an account.
     *
     * @param apiKey the API key, only digested
     * @param endpoint the endpoint
     * @param time the time source of the pipeline
     * @param requestsPerSecond the rate this pipeline was configured with; the limiter runs at the lowest
     *     rate of the pipelines sharing it
     * @return the lease, to close with the pipeline
     */
    static Lease join(String apiKey, URI endpoint, TimeSource time, double requestsPerSecond) {
        Account account = new Account(digest(apiKey), time);
        synchronized (SHARED) {
            Shared shared = SHARED.computeIfAbsent(account, a -> new Shared(requestsPerSecond));
            if (!shared.rates.isEmpty() && !shared.rates.containsKey(requestsPerSecond)) {
                LOG.warn("Another Ometria pipeline for the same account (this one sends to {}) runs at {} requests/s, "
                        + "this one asks for {}; the shared limiter uses the lower rate", endpoint,
                        shared.lowestRate(), requestsPerSecond);
            }
            shared.rates.merge(requestsPerSecond, 1, Integer::sum);
            shared.limiter.setRate(shared.lowestRate());
            return new Lease(account, shared, requestsPerSecond);
        }
    }

    private static String digest(String apiKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every Java platform", e);
        }
    }
}
