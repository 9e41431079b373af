package dev.ometriasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTPS listener with its generated self-signed certificate, seen from the JDK HTTP client. */
class HttpsTest {

    private final OmetriaSimulator simulator = OmetriaSimulator.start();

    @AfterEach
    void close() {
        simulator.close();
    }

    @Test
    void aClientTrustingTheSimulatorsCertificatePushesOverHttpsWithHostNameVerification() throws Exception {
        HttpClient trusting = HttpClient.newBuilder().sslContext(simulator.sslContext())
                .connectTimeout(Duration.ofSeconds(5)).build();
        PushClient client = new PushClient(trusting, simulator.httpsBaseUri(), simulator.apiKey());

        HttpResponse<String> response = client.push(PushClient.orders("TLS-", 2));

        assertThat(simulator.httpsBaseUri().toString()).startsWith("https://127.0.0.1:");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(simulator.record("order", "TLS-1")).isNotNull();
        assertThat(response.sslSession()).isPresent();
        assertThat(response.sslSession().get().getPeerCertificates()[0]).isEqualTo(simulator.certificate());
    }

    @Test
    void aClientWithTheDefaultTrustStoreRefusesTheCertificate() {
        PushClient client = new PushClient(HttpClient.newHttpClient(), simulator.httpsBaseUri(), simulator.apiKey());

        assertThatThrownBy(() -> client.sendOrThrow(client.pushRequest(PushClient.orders("X", 1)).build()))
                .isInstanceOf(SSLHandshakeException.class);
        assertThat(simulator.requestCount()).isZero();
    }

    @Test
    void certificateNamesTheLoopbackAddressesAndIsCurrentlyValid() throws Exception {
        simulator.certificate().checkValidity();

        assertThat(simulator.certificate().getSubjectAlternativeNames())
                .extracting(name -> (Object) name.get(1))
                .contains("localhost", "127.0.0.1");
        assertThat(simulator.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----\n")
                .endsWith("-----END CERTIFICATE-----\n");
        assertThat(simulator.trustStore().getCertificate("ometria-simulator")).isEqualTo(simulator.certificate());
    }

    @Test
    void httpAndHttpsShareOneState() {
        HttpClient trusting = HttpClient.newBuilder().sslContext(simulator.sslContext()).build();
        new PushClient(trusting, simulator.httpsBaseUri(), simulator.apiKey())
                .push("[{\"@type\":\"product\",\"id\":\"P\",\"title\":\"over TLS\"}]");
        new PushClient(simulator).push("[{\"@type\":\"product\",\"id\":\"P\",\"price\":3}]");

        assertThat(simulator.record("product", "P").toString()).contains("over TLS").contains("\"price\":3");
        assertThat(simulator.pushRequestCount()).isEqualTo(2);
    }
}
