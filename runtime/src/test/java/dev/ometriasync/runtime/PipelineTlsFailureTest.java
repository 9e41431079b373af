package dev.ometriasync.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.testkit.OmetriaSimulator;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A TLS server whose certificate this JVM does not trust (the simulator's HTTPS listener, with a self-signed
 * certificate generated at start): the pipeline must stop and say why, as for a refused key, instead of retrying for
 * its whole retry budget (24 hours here). Real time, real TLS handshakes.
 */
class PipelineTlsFailureTest {

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().start();
    private final RecordingListener listener = new RecordingListener();

    @AfterEach
    void stop() {
        ometria.close();
    }

    @Test
    void anUntrustedCertificateStopsThePipelineAndIsReportedInsteadOfBeingRetriedForTheBudget() throws Exception {
        try (OmetriaPipeline pipeline = OmetriaPipeline.builder()
                .apiKey(ometria.apiKey())
                .endpoint(ometria.httpsBaseUri())
                .retryMaxDuration(Duration.ofHours(24))
                .listener(listener)
                .build()) {
            CompletableFuture<Outcome> first = pipeline.submit(Records.contact("1")).toCompletableFuture();
            // Retried, the record would have no outcome for 24 hours: the bound only keeps a broken build from hanging.
            Outcome outcome = first.get(60, TimeUnit.SECONDS);

            assertThat(outcome.status()).isEqualTo(Outcome.Status.ABANDONED);
            assertThat(outcome.reason()).contains("trusted connection").contains("SSLHandshakeException")
                    .contains("PKIX").contains("trust store").doesNotContain(ometria.apiKey());
            assertThat(pipeline.stoppedReason()).hasValueSatisfying(reason -> assertThat(reason).contains("certificate"));
            assertThat(listener.copy(listener.authFailures)).singleElement().asString().startsWith("-1 | ")
                    .contains("TLS handshake failed");
            assertThat(listener.copy(listener.deadLettered)).isEmpty();
            CompletableFuture<Outcome> later = pipeline.submit(Records.contact("2")).toCompletableFuture();
            assertThat(later).isCompleted();
            assertThat(later.join().status()).isEqualTo(Outcome.Status.ABANDONED);
            assertThat(ometria.pushRequestCount()).isZero();
        }
    }

    @Test
    void theSameServerTrustedThroughTheHttpClientIsServedNormally() throws Exception {
        try (OmetriaPipeline pipeline = OmetriaPipeline.builder()
                .apiKey(ometria.apiKey())
                .endpoint(ometria.httpsBaseUri())
                .httpClient(HttpClient.newBuilder().sslContext(ometria.sslContext()).build())
                .listener(listener)
                .build()) {
            Outcome outcome = pipeline.submit(Records.contact("1")).toCompletableFuture().get(60, TimeUnit.SECONDS);

            assertThat(outcome.isAccepted()).isTrue();
            assertThat(pipeline.stoppedReason()).isEmpty();
            assertThat(listener.copy(listener.authFailures)).isEmpty();
        }
    }
}
