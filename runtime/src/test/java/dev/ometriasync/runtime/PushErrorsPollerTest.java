package dev.ometriasync.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ometriasync.schema.RecordType;
import dev.ometriasync.testkit.Fault;
import dev.ometriasync.testkit.OmetriaSimulator;
import dev.ometriasync.testkit.RecordedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code GET /v2/push/_errors} poller against the simulator over real HTTP and real time. A record Ometria
 * acknowledges and refuses later is reported to the listener, the meter and {@link OmetriaPipeline#pushErrors()} with
 * its type and id; an entry several records could own names the candidates; entries listed before the pipeline
 * started are not reported; reads share the account's limiter with the pushes, so that pushes and reads together
 * stay within the rate at the simulator (which counts both in one sliding window and answers 429 beyond it); a
 * refused key on a read stops the pipeline as on a push; any other failed read fails no record; nothing is read
 * unless asked, and reads pause while nothing was acknowledged.
 */
@Timeout(120)
class PushErrorsPollerTest {

    private static final String ERRORS = "/v2/push/_errors";
    private static final Duration POLL = Duration.ofSeconds(1);

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).start();
    private final List<PushErrorReport> reported = new CopyOnWriteArrayList<>();
    private final List<String> authFailures = new CopyOnWriteArrayList<>();
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final OmetriaListener listener = new OmetriaListener() {
        @Override
        public void pushErrorListed(PushErrorReport report) {
            reported.add(report);
        }

        @Override
        public void authenticationFailed(int statusCode, String message) {
            authFailures.add(statusCode + " " + message);
        }

        @Override
        public void rateLimited(Duration pause, boolean retryAfterHint) {
            pauses.add(pause);
        }
    };

    @AfterEach
    void close() {
        ometria.close();
    }

    private OmetriaPipeline.Builder pipeline() {
        return OmetriaPipeline.builder().apiKey(ometria.apiKey()).endpoint(ometria.baseUri()).listener(listener);
    }

    @Test
    void aRecordOmetriaRefusesLaterIsReportedWithItsTypeAndId() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ometria.refuseLaterRecords(record -> record.path("id").asText().equals("C-2"), "root > middlename");
        try (OmetriaPipeline pipeline = pipeline().pushErrorsPollInterval(POLL).meterRegistry(registry).build()) {
            assertThat(pipeline.settings().pushErrorsPollInterval()).contains(POLL);
            List<CompletableFuture<Outcome>> outcomes = List.of(
                    pipeline.submit(Records.contact("C-1", "firstname", "\"Ada\"")).toCompletableFuture(),
                    pipeline.submit(Records.contact("C-2", "firstname", "\"Bob\"", "middlename", "\"Q\"")).toCompletableFuture(),
                    pipeline.submit(Records.product("P-1", "title", "\"Lamp\"")).toCompletableFuture());
            CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            // Ometria acknowledged all three: the refusal comes later, and only through _errors
            assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.join().isAccepted()).isTrue());

            Await.until("the refusal reported", () -> !reported.isEmpty());

            PushErrorReport report = reported.get(0);
            assertThat(report.recordType()).isEqualTo(RecordType.CONTACT);
            assertThat(report.recordId()).isEqualTo("C-2");
            assertThat(report.record()).isEqualTo(new RecordKey(RecordType.CONTACT, "webshop", "C-2"));
            assertThat(report.candidates()).containsExactly(report.record());
            assertThat(report.error()).isEqualTo(new PushError("not a valid value", "root > middlename"));
            assertThat(pipeline.pushErrors()).containsExactly(report);
            assertThat(registry.get("ometria.pipeline.push.errors").tag("type", "contact").counter().count()).isEqualTo(1);
            // later reads list the same entry again: it is not reported twice
            long reads = readsSoFar();
            Await.until("two more reads", () -> readsSoFar() >= reads + 2);
            assertThat(reported).hasSize(1);
            assertThat(registry.get("ometria.pipeline.push.errors.reads").tag("result", "ok").counter().count())
                    .isGreaterThanOrEqualTo(3);
        }
        assertThat(ometria.contact("webshop", "C-1")).isNotNull();
        assertThat(ometria.contact("webshop", "C-2")).as("refused, not stored").isNull();
        assertThat(authFailures).isEmpty();
    }

    @Test
    void anEntrySeveralRecordsCouldOwnNamesThemAsCandidates() throws Exception {
        ometria.refuseLaterRecords(record -> record.path("id").asText().equals("C-2"), "root > firstname");
        try (OmetriaPipeline pipeline = pipeline().pushErrorsPollInterval(POLL).build()) {
            CompletableFuture.allOf(
                    pipeline.submit(Records.contact("C-1", "firstname", "\"Ada\"")).toCompletableFuture(),
                    pipeline.submit(Records.contact("C-2", "firstname", "\"Bob\"")).toCompletableFuture()
            ).get(30, TimeUnit.SECONDS);

            Await.until("the refusal reported", () -> !reported.isEmpty());
        }
        // Ometria's entry names neither record: both hold a first name, so either could be the one
        PushErrorReport report = reported.get(0);
        assertThat(report.record()).isNull();
        assertThat(report.recordId()).isNull();
        assertThat(report.recordType()).isEqualTo(RecordType.CONTACT);
        assertThat(report.candidates()).extracting(RecordKey::id).containsExactlyInAnyOrder("C-1", "C-2");
        assertThat(report.toString()).contains("contact one of");
    }

    @Test
    void entriesListedBeforeThePipelineStartedAreNotReportedAgain() throws Exception {
        // an earlier run of the application left an entry in the account's list
        ometria.refuseLaterRecords(record -> record.path("id").asText().startsWith("OLD"), "root > firstname");
        try (OmetriaPipeline earlier = pipeline().build()) {
            earlier.submit(Records.contact("OLD-1", "firstname", "\"Ada\"")).toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        ometria.awaitIdle();
        assertThat(ometria.errors()).hasSize(1);
        int before = ometria.requestCount();

        try (OmetriaPipeline pipeline = pipeline().pushErrorsPollInterval(POLL).build()) {
            pipeline.submit(Records.contact("NEW-1", "lastname", "\"Lovelace\"")).toCompletableFuture().get(30, TimeUnit.SECONDS);
            // the pipeline's first request, the warm-up before its first record, is the read that takes the list as
            // it stands
            assertThat(ometria.requests().subList(before, before + 2)).extracting(RecordedRequest::path)
                    .containsExactly(ERRORS, "/v2/push");
            long reads = readsSoFar();
            Await.until("two more reads", () -> readsSoFar() >= reads + 2);
            assertThat(pipeline.pushErrors()).isEmpty();
        }
        assertThat(reported).isEmpty();
    }

    @Test
    void pushesAndReadsTogetherStayWithinTheAccountsRateAtTheSimulatorOverRealTime() throws Exception {
        int rate = 4;
        // Real time, no shared clock; 0-60 ms of network delay per request and 150 ms more per new connection, so
        // requests handed over a full interval apart can arrive closer together. The simulator counts pushes and
        // reads in one sliding second and answers 429 beyond the rate.
        try (OmetriaSimulator limited = OmetriaSimulator.builder().https(false).requestsPerSecond(rate)
                .networkJitter(Duration.ZERO, Duration.ofMillis(60)).newConnectionDelay(Duration.ofMillis(150))
                .keepRequestBodies(false).start()) {
            int records = 40;
            List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
            try (OmetriaPipeline pipeline = OmetriaPipeline.builder().apiKey(limited.apiKey()).endpoint(limited.baseUri())
                    .requestsPerSecond(rate).maxBatchSize(1).pushErrorsPollInterval(POLL).listener(listener).build()) {
                // one record per request: pushes alone would fill the account's budget for about ten seconds
                for (int i = 0; i < records; i++) {
                    outcomes.add(pipeline.submit(Records.product("P" + i, "title", "\"Lamp " + i + "\"")).toCompletableFuture());
                }
                CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
            }
            assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.join().isAccepted()).isTrue());

            List<RecordedRequest> requests = limited.requests();
            long reads = requests.stream().filter(request -> request.path().equals(ERRORS)).count();
            // the poller was not starved by a busy send loop: about one read a second while the pushes went out
            assertThat(reads).as("reads among %s", describe(requests)).isGreaterThanOrEqualTo(5);
            // pushes and reads together: never more than the rate in any sliding second where Ometria counts them
            assertThat(limited.maxRequestsInAnySecond()).as("%s", describe(requests)).isLessThanOrEqualTo(rate);
            assertThat(limited.rateLimitedCount()).isZero();
            assertThat(pauses).isEmpty();
        }
    }

    @Test
    void aReadRefusedWith403SwitchesOnlyThePollerOffAndPushingGoesOn() throws Exception {
        try (OmetriaPipeline pipeline = pipeline().pushErrorsPollInterval(POLL).build()) {
            pipeline.submit(Records.contact("C-0", "firstname", "\"Al\"")).toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertThat(readsSoFar()).as("the warm-up read").isEqualTo(1);
            // the key may push, but Ometria does not authorise it to read the error list
            ometria.failNextErrorListings(1, Fault.status(403));
            pipeline.submit(Records.contact("C-1", "firstname", "\"Ada\"")).toCompletableFuture().get(30, TimeUnit.SECONDS);
            Await.until("the refused read", () -> ometria.requests().stream()
                    .anyMatch(request -> request.path().equals(ERRORS) && request.status() == 403));
            long reads = readsSoFar();
            Thread.sleep(2_500); // two more intervals: a poller that went on would have read twice more
            assertThat(readsSoFar()).isEqualTo(reads);

            // an optional diagnostic never stops a key that may push from pushing
            assertThat(pipeline.stoppedReason()).isEmpty();
            assertThat(authFailures).isEmpty();
            Outcome later = pipeline.submit(Records.contact("C-2", "firstname", "\"Bob\"")).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            assertThat(later.isAccepted()).isTrue();
        }
        assertThat(ometria.contact("webshop", "C-2").get("firstname").asText()).isEqualTo("Bob");
    }

    @Test
    void aWrongKeyStopsThePipelineAtTheFirstReadAlready() throws Exception {
        try (OmetriaPipeline pipeline = OmetriaPipeline.builder().apiKey("not-the-key").endpoint(ometria.baseUri())
                .listener(listener).pushErrorsPollInterval(POLL).build()) {
            Outcome outcome = pipeline.submit(Records.contact("C-1", "firstname", "\"Ada\"")).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            assertThat(outcome.isAccepted()).isFalse();
            Await.until("the refusal", () -> !authFailures.isEmpty());
            assertThat(pipeline.stoppedReason()).isPresent();
            Thread.sleep(2_500);
            assertThat(readsSoFar()).isEqualTo(1);
        }
        // the warm-up read before the first record was refused: the record was never pushed
        assertThat(ometria.requests()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo(ERRORS);
            assertThat(request.status()).isEqualTo(401);
        });
    }

    @Test
    void aFailedReadFailsNoRecordAndTheNextReadComesAnIntervalLater() throws Exception {
        ometria.refuseLaterRecords(record -> record.path("id").asText().equals("C-2"), "root > middlename");
        try (OmetriaPipeline pipeline = pipeline().pushErrorsPollInterval(POLL).build()) {
            Outcome first = pipeline.submit(Records.contact("C-1", "firstname", "\"Ada\"")).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            assertThat(readsSoFar()).as("the warm-up read").isEqualTo(1);
            ometria.failNextErrorListings(1, Fault.status(503));
            ometria.failNextErrorListings(1, Fault.dropConnection());
            ometria.failNextErrorListings(1, Fault.status(200).withBody("{\"not\":\"a list\"}"));
            ometria.failNextErrorListings(1, Fault.status(429));
            List<CompletableFuture<Outcome>> outcomes = List.of(CompletableFuture.completedFuture(first),
                    pipeline.submit(Records.contact("C-2", "middlename", "\"Q\"")).toCompletableFuture());
            CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.join().isAccepted()).isTrue());

            // four failed reads, then one that works: the refusal is still reported
            Await.until("the refusal reported after the failed reads", () -> !reported.isEmpty());
            assertThat(reported.get(0).recordId()).isEqualTo("C-2");
            assertThat(pipeline.stoppedReason()).isEmpty();
            // a 429 on a read pauses the account as one on a push does
            assertThat(pauses).hasSize(1);
            Outcome later = pipeline.submit(Records.contact("C-3", "firstname", "\"Cy\"")).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            assertThat(later.isAccepted()).isTrue();
        }
        assertThat(authFailures).isEmpty();
        List<Integer> readStatuses = ometria.requests().stream().filter(request -> request.path().equals(ERRORS))
                .map(RecordedRequest::status).toList();
        assertThat(readStatuses).startsWith(200, 503, RecordedRequest.NO_RESPONSE, 200, 429, 200);
    }

    @Test
    void nothingIsReadUnlessAskedBeyondTheWarmUp() throws Exception {
        ometria.refuseLaterRecords(record -> true, "root > firstname");
        try (OmetriaPipeline pipeline = pipeline().build()) {
            assertThat(pipeline.settings().pushErrorsPollInterval()).isEmpty();
            pipeline.submit(Records.contact("C-1", "firstname", "\"Ada\"")).toCompletableFuture().get(30, TimeUnit.SECONDS);
            ometria.awaitIdle();
            Thread.sleep(1_500); // longer than the shortest poll interval: a poller that ran would have read by now
            assertThat(pipeline.pushErrors()).isEmpty();
        }
        assertThat(ometria.errors()).hasSize(1);
        // the one GET is the warm-up that opens the connection, which every pipeline sends
        assertThat(readsSoFar()).isEqualTo(1);
        assertThat(ometria.requests().get(0).path()).isEqualTo(ERRORS);
        assertThat(reported).isEmpty();
    }

    @Test
    void readsPauseWhileNothingWasAcknowledged() throws Exception {
        try (OmetriaPipeline pipeline = pipeline().pushErrorsPollInterval(POLL).build()) {
            // two intervals with nothing sent: nothing to tie an entry to, so no read, and no warm-up either (an
            // outbox instance that is not the relay spends none of the account's requests)
            Thread.sleep(2_500);
            assertThat(ometria.requestCount()).isZero();

            pipeline.submit(Records.contact("C-1", "firstname", "\"Ada\"")).toCompletableFuture().get(30, TimeUnit.SECONDS);
            Await.until("the warm-up read, then a read once a record was acknowledged", () -> readsSoFar() >= 2);
        }
    }

    @Test
    void aPipelineWithNothingToSendSendsNoRequestAndWarmsUpBeforeItsFirstRecord() throws Exception {
        try (OmetriaPipeline pipeline = pipeline().build()) {
            // longer than the warm-up's own wait: a warm-up sent at start would be seen by now
            Thread.sleep(1_500);
            assertThat(ometria.requestCount()).as("requests of an idle pipeline").isZero();

            pipeline.submit(Records.contact("C-1", "firstname", "\"Ada\"")).toCompletableFuture().get(30, TimeUnit.SECONDS);
            pipeline.submit(Records.contact("C-2", "firstname", "\"Bob\"")).toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        // one warm-up for the pipeline's life, then the pushes
        assertThat(ometria.requests()).extracting(RecordedRequest::path).containsExactly(ERRORS, "/v2/push", "/v2/push");
    }

    @Test
    void aPollIntervalUnderASecondIsRefusedAndZeroIsOff() {
        assertThatThrownBy(() -> OmetriaPipeline.builder().pushErrorsPollInterval(Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pushErrorsPollInterval must be 0 (off) or at least 1s");
        assertThatThrownBy(() -> OmetriaPipeline.builder().pushErrorsPollInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(OmetriaPipeline.builder().pushErrorsPollInterval(Duration.ZERO).apiKey("k").settings()
                .pushErrorsPollInterval()).isEmpty();
    }

    private static List<String> describe(List<RecordedRequest> requests) {
        return requests.stream().map(request -> request.arrival().toEpochMilli() % 100_000 + " " + request.path()
                + " " + request.status()).toList();
    }

    private long readsSoFar() {
        return ometria.requests().stream().filter(request -> request.path().equals(ERRORS)).count();
    }
}
