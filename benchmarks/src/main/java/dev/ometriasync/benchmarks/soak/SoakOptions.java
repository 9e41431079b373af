package dev.ometriasync.benchmarks.soak;

import dev.ometriasync.benchmarks.support.Args;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The soak's knobs, from the command line.
 *
 * @param duration how long data changes
 * @param restartEvery how often one instance is restarted gracefully (alternating A, B, ...)
 * @param killAt when the instance holding the relay lease is killed with SIGKILL (it is started again 5 s later)
 * @param drainTimeout how long the surviving instances may take to empty the outbox after the changes stop
 * @param rate requests per second: the simulator's limit and the instances' {@code ometria.requests-per-second}
 * @param threads threads changing data in each instance
 * @param transactionsPerSecond target transactions per second of each instance
 * @param fault429 share of push requests answered 429 (with {@code Retry-After: 1} for half of them)
 * @param fault503 share of push requests answered 503
 * @param slow share of push requests answered late, but within the request timeout
 * @param verySlow share of push requests answered after the request timeout (the client gives up; Ometria stored them)
 * @param requestTimeout {@code ometria.request-timeout}
 * @param leaseDuration {@code ometria.relay.lease-duration}
 * @param jitterMin the simulated network's shortest delay per request
 * @param jitterMax its longest delay per request (each request waits a random time in between)
 * @param newConnectionDelay the extra delay of the first request on a new connection (TCP and TLS set-up)
 * @param seed seed of the changes and of the faults
 * @param logDirectory where the workers' logs go
 */
record SoakOptions(Duration duration, Duration restartEvery, Duration killAt, Duration drainTimeout, int rate,
                   int threads, double transactionsPerSecond, double fault429, double fault503, double slow,
                   double verySlow, Duration requestTimeout, Duration leaseDuration, Duration jitterMin,
                   Duration jitterMax, Duration newConnectionDelay, long seed, Path logDirectory) {

    static final String HELP = """
            SoakMain: two instances (separate JVMs) on one embedded PostgreSQL, outbox mode, against the simulator.
              --minutes 10          how long data changes (decimals allowed: 0.5)
              --restart-every 120   seconds between graceful restarts of one instance (alternating A, B)
              --kill-at S           second at which the lease holder is killed with SIGKILL
                                    (default: half the duration plus a quarter of --restart-every)
              --drain-timeout 300   seconds the survivors may take to empty the outbox at the end
              --rate 4              requests/s: the simulator's limit and ometria.requests-per-second
              --threads 3           threads changing data per instance
              --tps 6               transactions per second per instance
              --fault-429 0.03      share of push requests answered 429 (half with Retry-After: 1)
              --fault-503 0.03      share answered 503
              --slow 0.04           share answered 2 s late (within the request timeout)
              --very-slow 0.01      share answered 8 s late (after the request timeout: stored, client gave up)
              --request-timeout 5   seconds (ometria.request-timeout)
              --lease 10            seconds (ometria.relay.lease-duration)
              --jitter-ms 0-50      network delay per request before the simulator sees it (random in range)
              --new-connection-ms 150  extra delay of a connection's first request (set-up)
              --seed 1              seed of changes and faults
              --logs DIR            worker logs (default benchmarks/target/soak)
            Exit code 0 only when every check passed.""";

    static SoakOptions parse(Args args) {
        Duration duration = Duration.ofMillis(Math.round(args.decimal("minutes", 10) * 60_000));
        Duration restartEvery = Duration.ofSeconds(args.integer("restart-every", 120));
        long defaultKill = duration.toSeconds() / 2 + restartEvery.toSeconds() / 4;
        SoakOptions options = new SoakOptions(duration, restartEvery,
                Duration.ofSeconds(args.integer("kill-at", (int) defaultKill)),
                Duration.ofSeconds(args.integer("drain-timeout", 300)),
                args.integer("rate", 4), args.integer("threads", 3), args.decimal("tps", 6),
                args.decimal("fault-429", 0.03), args.decimal("fault-503", 0.03), args.decimal("slow", 0.04),
                args.decimal("very-slow", 0.01), Duration.ofSeconds(args.integer("request-timeout", 5)),
                Duration.ofSeconds(args.integer("lease", 10)), jitter(args, 0), jitter(args, 1),
                Duration.ofMillis(args.integer("new-connection-ms", 150)), args.integer("seed", 1),
                Path.of(args.string("logs", defaultLogs())));
        if (options.duration.isZero() || options.duration.isNegative()) {
            throw new IllegalArgumentException("--minutes must be positive");
        }
        if (options.restartEvery.toSeconds() < 10) {
            throw new IllegalArgumentException("--restart-every must be at least 10 seconds");
        }
        return options;
    }

    private static Duration jitter(Args args, int end) {
        String range = args.string("jitter-ms", "0-50");
        String[] parts = range.split("-");
        try {
            long min = Long.parseLong(parts[0].trim());
            long max = parts.length > 1 ? Long.parseLong(parts[1].trim()) : min;
            if (parts.length > 2 || min < 0 || max < min) {
                throw new NumberFormatException(range);
            }
            return Duration.ofMillis(end == 0 ? min : max);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--jitter-ms must be MIN-MAX milliseconds such as 0-50, got '" + range + "'", e);
        }
    }

    private static String defaultLogs() {
        Path benchmarks = Path.of("benchmarks");
        return (benchmarks.toFile().isDirectory() ? benchmarks.resolve("target") : Path.of("target"))
                .resolve("soak").toString();
    }

    /** @return the slow answers' delay: well within the request timeout */
    Duration slowDelay() {
        return Duration.ofMillis(Math.min(2_000, requestTimeout.toMillis() / 2));
    }

    /** @return the very slow answers' delay: past the request timeout */
    Duration verySlowDelay() {
        return requestTimeout.plusSeconds(3);
    }
}
