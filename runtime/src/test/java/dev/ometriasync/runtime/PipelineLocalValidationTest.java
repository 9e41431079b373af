package dev.ometriasync.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.testkit.OmetriaSimulator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Local validation inside the pipeline, against the simulator: a record that fails is never sent and is
 * reported with a reason naming it and the field; the records around it go on.
 */
class PipelineLocalValidationTest {

    private OmetriaSimulator ometria;
    private final List<String> rejected = new CopyOnWriteArrayList<>();
    private final List<String> dropped = new CopyOnWriteArrayList<>();
    private final List<String> truncated = new CopyOnWriteArrayList<>();
    private final OmetriaListener listener = new OmetriaListener() {
        @Override
        public void fieldTruncated(OmetriaRecord record, String reason) {
            truncated.add(reason);
        }

        @Override
        public void rejected(OmetriaRecord record, String reason) {
            rejected.add(reason);
        }

        @Override
        public void invalidFieldDropped(OmetriaRecord record, String reason) {
            dropped.add(reason);
        }
    };

    @BeforeEach
    void start() {
        ometria = OmetriaSimulator.builder().https(false).start();
    }

    @AfterEach
    void stop() {
        ometria.close();
    }

    private OmetriaPipeline pipeline(InvalidFieldPolicy policy) {
        return OmetriaPipeline.builder().apiKey(ometria.apiKey()).endpoint(ometria.baseUri())
                .listener(listener).invalidFieldPolicy(policy).build();
    }

    private static OmetriaRecord record(String json) {
        return OmetriaRecord.parse(json, true);
    }

    @Test
    void anOversizedRecordAndAnIdWithASpaceAreRejectedLocallyWhileTheOthersAreSent() throws Exception {
        try (OmetriaPipeline pipeline = pipeline(InvalidFieldPolicy.DROP_FIELD)) {
            Outcome big = pipeline.submit(record("{\"@type\":\"order\",\"id\":\"BIG\",\"web_id\":\"" + "x".repeat(70_000) + "\"}"))
                    .toCompletableFuture().join();
            Outcome spaced = pipeline.submit(record("{\"@type\":\"order\",\"id\":\"ORD 1\",\"currency\":\"EUR\"}"))
                    .toCompletableFuture().join();
            Outcome good = pipeline.submit(record("{\"@type\":\"order\",\"id\":\"ORD-2\",\"currency\":\"EUR\"}"))
                    .toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(big.status()).isEqualTo(Outcome.Status.REJECTED);
            assertThat(big.reason()).isEqualTo("order BIG: Record is too large: 70040 bytes of UTF-8 JSON, Ometria accepts at "
                    + "most 60000 per record (its \"60k byte\", read as 60,000); the largest field is 'web_id' (70002 bytes)");
            assertThat(spaced.status()).isEqualTo(Outcome.Status.REJECTED);
            assertThat(spaced.reason()).isEqualTo("order 'ORD 1': id must not contain whitespace (Ometria ids are strings without spaces)");
            assertThat(rejected).containsExactly(big.reason(), spaced.reason());
            assertThat(good.isAccepted()).isTrue();
            assertThat(ometria.pushRequests()).singleElement()
                    .satisfies(request -> assertThat(request.body()).contains("ORD-2").doesNotContain("BIG").doesNotContain("ORD 1"));
        }
    }

    @Test
    void anInvalidOptionalFieldIsLeftOutAndReportedByDefault() throws Exception {
        try (OmetriaPipeline pipeline = pipeline(InvalidFieldPolicy.DROP_FIELD)) {
            Outcome outcome = pipeline.submit(record("{\"@type\":\"contact\",\"id\":\"C-1\",\"email\":\"jane@example.com\","
                    + "\"phone_number\":\"+12\"}")).toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(outcome.isAccepted()).isTrue();
            assertThat(dropped).containsExactly("contact C-1: field 'phone_number' is not a valid phone number in international"
                    + " form ('+', the country code and the number, as Google's libphonenumber, which Ometria uses, accepts it);"
                    + " the field was left out");
            assertThat(ometria.record("contact", "C-1").toString()).isEqualTo("{\"@type\":\"contact\",\"id\":\"C-1\",\"email\":\"jane@example.com\"}");
        }
    }

    @Test
    void rejectRecordRefusesTheWholeRecord() {
        try (OmetriaPipeline pipeline = pipeline(InvalidFieldPolicy.REJECT_RECORD)) {
            Outcome outcome = pipeline.submit(record("{\"@type\":\"contact\",\"id\":\"C-1\",\"phone_number\":\"07700 900123\"}"))
                    .toCompletableFuture().join();

            assertThat(pipeline.settings().invalidFieldPolicy()).isEqualTo(InvalidFieldPolicy.REJECT_RECORD);
            assertThat(pipeline.settings().toString()).contains("invalidFieldPolicy=REJECT_RECORD");
            assertThat(outcome.status()).isEqualTo(Outcome.Status.REJECTED);
            assertThat(outcome.reason()).startsWith("contact C-1: field 'phone_number' is not a valid phone number")
                    .endsWith("(invalid-field policy REJECT_RECORD)");
            assertThat(ometria.pushRequestCount()).isZero();
        }
    }

    @Test
    void anOrderWithAnInvalidCurrencyIsRejectedNotSentWithoutItUnderTheDefaultPolicy() throws Exception {
        try (OmetriaPipeline pipeline = pipeline(InvalidFieldPolicy.DROP_FIELD)) {
            Outcome outcome = pipeline.submit(record("{\"@type\":\"order\",\"id\":\"ORD-1\",\"currency\":\"XTS\","
                    + "\"grand_total\":10}")).toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(outcome.status()).isEqualTo(Outcome.Status.REJECTED);
            assertThat(outcome.reason()).isEqualTo("order ORD-1: field 'currency' value \"XTS\" is not the ISO 4217 code of a"
                    + " circulating currency");
            assertThat(dropped).isEmpty();
            assertThat(ometria.pushRequestCount()).isZero();
        }
    }

    @Test
    void aLongEventTypeIsTruncatedReportedAndSentAsOmetriaWouldStoreIt() throws Exception {
        try (OmetriaPipeline pipeline = pipeline(InvalidFieldPolicy.REJECT_RECORD)) {
            Outcome outcome = pipeline.submit(record("{\"@type\":\"custom_event\",\"id\":\"E-1\","
                    + "\"event_type\":\"basket_abandoned_with_a_long_name\",\"identity_email\":\"jane@example.com\"}"))
                    .toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(outcome.isAccepted()).isTrue();
            assertThat(truncated).containsExactly("custom_event E-1: field 'event_type' value \"basket_abandoned_with_a_long_name\""
                    + " is 33 characters long; truncated to 32 (\"basket_abandoned_with_a_long_nam\"), as Ometria truncates"
                    + " longer event types");
            assertThat(ometria.record("custom_event", "E-1").get("event_type").asText()).isEqualTo("basket_abandoned_with_a_long_nam");
            assertThat(ometria.errors()).isEmpty();
        }
    }

    @Test
    void theDefaultPolicyIsDropField() {
        try (OmetriaPipeline pipeline = OmetriaPipeline.builder().apiKey("k").build()) {
            assertThat(pipeline.settings().invalidFieldPolicy()).isEqualTo(InvalidFieldPolicy.DROP_FIELD);
        }
    }
}
