package dev.ometriasync.runtime.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.SocketException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * Which TLS failures stop sending and which are retried. The untrusted certificate itself is shown end to end
 * against a real TLS server in {@code PipelineTlsFailureTest} and {@code OmetriaClientSimulatorTest}; here are the
 * shapes a real server cannot easily be made to produce on demand.
 */
class TlsFailureClassificationTest {

    private static SSLHandshakeException handshake(String message, Throwable cause) {
        SSLHandshakeException e = new SSLHandshakeException(message);
        e.initCause(cause);
        return e;
    }

    @Test
    void certificateProblemsAnywhereInTheCausesAreNotTransient() {
        assertThat(PushResponseClassifier.isUntrustedConnection(new CompletionException(
                handshake("PKIX path validation failed", new CertPathValidatorException("validity check failed")))))
                .isTrue();
        assertThat(PushResponseClassifier.isUntrustedConnection(
                handshake("certificate expired", new CertificateExpiredException("NotAfter: ...")))).isTrue();
        assertThat(PushResponseClassifier.isUntrustedConnection(new javax.net.ssl.SSLPeerUnverifiedException("peer not authenticated")))
                .isTrue();
    }

    @Test
    void aFatalAlertFromTheServerIsNotTransient() {
        assertThat(PushResponseClassifier.isUntrustedConnection(new CompletionException(
                new SSLHandshakeException("Received fatal alert: handshake_failure")))).isTrue();
    }

    @Test
    void aHandshakeCutShortByTheNetworkIsRetried() {
        assertThat(PushResponseClassifier.isUntrustedConnection(
                handshake("Remote host terminated the handshake", new EOFException("SSL peer shut down incorrectly"))))
                .isFalse();
        assertThat(PushResponseClassifier.isUntrustedConnection(
                handshake("Connection reset", new SocketException("Connection reset")))).isFalse();
        assertThat(PushResponseClassifier.isUntrustedConnection(new SSLHandshakeException("Handshake timed out"))).isFalse();
        assertThat(PushResponseClassifier.isUntrustedConnection(new java.io.IOException("broken pipe"))).isFalse();
    }
}
