package dev.ometriasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The simulated network: a request is seen (arrival time, rate window) only after its delay. Only lower bounds are
 * asserted — a delay never ends early — never how fast anything runs.
 */
class NetworkTimingTest {

    @Test
    void eachRequestIsSeenOnlyAfterItsNetworkDelay() {
        try (OmetriaSimulator ometria = OmetriaSimulator.builder().https(false)
                .networkJitter(Duration.ofMillis(80), Duration.ofMillis(120)).start()) {
            PushClient client = new PushClient(ometria);
            for (int i = 0; i < 3; i++) {
                Instant sent = Instant.now();
                assertThat(client.push(PushClient.orders("o" + i, 1)).statusCode()).isEqualTo(200);
                assertThat(Duration.between(sent, ometria.pushRequests().get(i).arrival()))
                        .isGreaterThanOrEqualTo(Duration.ofMillis(79));
            }
        }
    }

    @Test
    void theFirstRequestOfEachConnectionPaysTheConnectionDelay() {
        try (OmetriaSimulator ometria = OmetriaSimulator.builder().https(false)
                .newConnectionDelay(Duration.ofMillis(300)).start()) {
            for (int connection = 0; connection < 2; connection++) {
                // A new HttpClient opens a new connection.
                PushClient client = new PushClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                        ometria.baseUri(), ometria.apiKey());
                Instant sent = Instant.now();
                client.push(PushClient.orders("c" + connection, 1));
                List<RecordedRequest> pushes = ometria.pushRequests();
                assertThat(Duration.between(sent, pushes.get(pushes.size() - 1).arrival()))
                        .isGreaterThanOrEqualTo(Duration.ofMillis(299));
            }
        }
    }

    @Test
    void theRateLimitJudgesTheDelayedArrival() throws Exception {
        // Two requests sent together, one per connection, each delayed: the window sees both at their arrival.
        try (OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).requestsPerSecond(1)
                .networkJitter(Duration.ofMillis(50), Duration.ofMillis(50)).start()) {
            List<CompletableFuture<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                PushClient client = new PushClient(HttpClient.newBuilder().build(), ometria.baseUri(), ometria.apiKey());
                String body = PushClient.orders("r" + i, 1);
                statuses.add(CompletableFuture.supplyAsync(() -> client.push(body).statusCode()));
            }
            List<Integer> answered = statuses.stream().map(CompletableFuture::join).sorted().toList();
            assertThat(answered).containsExactly(200, 429);
            assertThat(ometria.maxPushRequestsInAnySecond()).isEqualTo(2);
        }
    }

    @Test
    void requestsArrivingTogetherAreListedInTheOrderOfTheirArrivalTimes() {
        // Jittered requests on eight connections at once: each is numbered and timed in one step, so the list order
        // (by number) and the arrival times agree — what a check of the rate by arrival reads.
        try (OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).requestsPerSecond(1_000)
                .networkJitter(Duration.ZERO, Duration.ofMillis(5)).start()) {
            List<CompletableFuture<Integer>> statuses = new ArrayList<>();
            for (int connection = 0; connection < 8; connection++) {
                PushClient client = new PushClient(HttpClient.newBuilder().build(), ometria.baseUri(), ometria.apiKey());
                String prefix = "t" + connection + "-";
                statuses.add(CompletableFuture.supplyAsync(() -> {
                    for (int i = 0; i < 25; i++) {
                        assertThat(client.push(PushClient.orders(prefix + i, 1)).statusCode()).isEqualTo(200);
                    }
                    return 200;
                }));
            }
            statuses.forEach(CompletableFuture::join);
            List<RecordedRequest> pushes = ometria.pushRequests();
            assertThat(pushes).hasSize(200);
            for (int i = 1; i < pushes.size(); i++) {
                assertThat(pushes.get(i).sequence()).isGreaterThan(pushes.get(i - 1).sequence());
                assertThat(pushes.get(i).arrival()).as("request %d", i).isAfterOrEqualTo(pushes.get(i - 1).arrival());
            }
        }
    }

    @Test
    void delaysMustMakeSense() {
        OmetriaSimulator.Builder builder = OmetriaSimulator.builder();
        assertThatThrownBy(() -> builder.networkJitter(Duration.ofMillis(50), Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min <= max");
        assertThatThrownBy(() -> builder.newConnectionDelay(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
