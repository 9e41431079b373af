package dev.ometriasync.testkit.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed X.509 certificate for the loopback HTTPS listener, made at start with the JDK alone: an EC
 * P-256 key pair and a small DER writer (no {@code keytool} process, no internal {@code sun.security} classes).
 * The certificate names {@code localhost}, {@code 127.0.0.1} and {@code ::1} as subject alternative names, so
 * clients that verify host names (the JDK {@code HttpClient} does) accept it once they trust it.
 */
public final class SelfSignedCertificate {

    private static final char[] NO_PASSWORD = "ometria-simulator".toCharArray();
    private static final String OID_ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String OID_COMMON_NAME = "2.5.4.3";
    private static final String OID_SUBJECT_ALT_NAME = "2.5.29.17";
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final X509Certificate certificate;
    private final SSLContext serverContext;
    private final SSLContext clientContext;
    private final KeyStore trustStore;

    private SelfSignedCertificate(X509Certificate certificate, SSLContext serverContext, SSLContext clientContext,
                                  KeyStore trustStore) {
        this.certificate = certificate;
        this.serverContext = serverContext;
        this.clientContext = clientContext;
        this.trustStore = trustStore;
    }

    /** Generates a fresh key pair and certificate, valid from a day ago (real time) for {@code validity}. */
    public static SelfSignedCertificate generate(Duration validity) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            // Certificates are checked against the real clock, never the simulator's manual one.
            Instant notBefore = Instant.now().minus(Duration.ofDays(1));
            byte[] tbs = toBeSigned(keys, notBefore, notBefore.plus(validity).plus(Duration.ofDays(1)));
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(tbs);
            byte[] signature = signer.sign();
            byte[] der = Der.sequence(tbs, algorithm(), Der.bitString(signature));
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));

            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("simulator", keys.getPrivate(), NO_PASSWORD, new Certificate[] {certificate});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keyStore, NO_PASSWORD);
            SSLContext server = SSLContext.getInstance("TLS");
            server.init(keyManagers.getKeyManagers(), null, null);

            KeyStore trustStore = KeyStore.getInstance("PKCS12");
            trustStore.load(null, null);
            trustStore.setCertificateEntry("ometria-simulator", certificate);
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(
                    TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trustStore);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, trustManagers.getTrustManagers(), null);
            return new SelfSignedCertificate(certificate, server, client, trustStore);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Could not generate the simulator's self-signed certificate: " + e, e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** @return the context the HTTPS listener serves with */
    public SSLContext serverContext() {
        return serverContext;
    }

    /** @return a context that trusts exactly this certificate, for clients under test */
    public SSLContext clientContext() {
        return clientContext;
    }

    /** @return a PKCS12 key store holding this certificate as a trusted entry */
    public KeyStore trustStore() {
        return trustStore;
    }

    /** @return the certificate in PEM form, for clients outside the JVM ({@code curl --cacert}) */
    public String pem() {
        try {
            String base64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] toBeSigned(KeyPair keys, Instant notBefore, Instant notAfter) throws java.io.IOException {
        byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid(OID_COMMON_NAME),
                Der.tagged(0x0C, "OmetriaSimulator".getBytes(StandardCharsets.UTF_8)))));
        byte[] altNames = Der.sequence(
                Der.tagged(0x82, "localhost".getBytes(StandardCharsets.US_ASCII)),
                Der.tagged(0x87, InetAddress.getByName("127.0.0.1").getAddress()),
                Der.tagged(0x87, InetAddress.getByName("::1").getAddress()));
        byte[] extensions = Der.tagged(0xA3, Der.sequence(
                Der.sequence(Der.oid(OID_SUBJECT_ALT_NAME), Der.tagged(0x04, altNames))));
        return Der.sequence(
                Der.tagged(0xA0, Der.integer(BigInteger.TWO)),
                Der.integer(new BigInteger(63, new SecureRandom()).add(BigInteger.ONE)),
                algorithm(),
                name,
                Der.sequence(utcTime(notBefore), utcTime(notAfter)),
                name,
                keys.getPublic().getEncoded(),
                extensions);
    }

    private static byte[] algorithm() {
        return Der.sequence(Der.oid(OID_ECDSA_WITH_SHA256));
    }

    private static byte[] utcTime(Instant instant) {
        return Der.tagged(0x17, UTC_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
    }

    /** The few DER encodings an X.509 certificate needs. */
    private static final class Der {

        static byte[] tagged(int tag, byte[] content) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
            out.write(tag);
            int length = content.length;
            if (length < 0x80) {
                out.write(length);
            } else if (length < 0x100) {
                out.write(0x81);
                out.write(length);
            } else if (length < 0x10000) {
                out.write(0x82);
                out.write(length >> 8);
                out.write(length & 0xFF);
            } else {
                out.write(0x83);
                out.write(length >> 16);
                out.write((length >> 8) & 0xFF);
                out.write(length & 0xFF);
            }
            out.writeBytes(content);
            return out.toByteArray();
        }

        static byte[] sequence(byte[]... parts) {
            return tagged(0x30, concat(parts));
        }

        static byte[] set(byte[]... parts) {
            return tagged(0x31, concat(parts));
        }

        static byte[] integer(BigInteger value) {
            return tagged(0x02, value.toByteArray());
        }

        static byte[] bitString(byte[] bits) {
            byte[] content = new byte[bits.length + 1]; // leading byte: no unused bits
            System.arraycopy(bits, 0, content, 1, bits.length);
            return tagged(0x03, content);
        }

        static byte[] oid(String dotted) {
            String[] arcs = dotted.split("\\.");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
            for (int i = 2; i < arcs.length; i++) {
                long arc = Long.parseLong(arcs[i]);
                int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
                for (int group = groups - 1; group >= 0; group--) {
                    int sevenBits = (int) ((arc >> (7 * group)) & 0x7F);
                    out.write(group > 0 ? sevenBits | 0x80 : sevenBits);
                }
            }
            return tagged(0x06, out.toByteArray());
        }

        private static byte[] concat(byte[]... parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] part : parts) {
                out.writeBytes(part);
            }
            return out.toByteArray();
        }
    }
}
