package dev.ometriasync.runtime.internal.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An Ometria API key that cannot end up in a log line by accident: {@link #toString()} is masked, and the
 * only way to read the secret is {@link #reveal()}, called in exactly one place (where the
 * {@code X-Ometria-Auth} header is set). {@link #redactFrom(String)} scrubs it from text that came from
 * outside, should a proxy ever echo the request back.
 *
 * <p>Two keys are equal when their secrets are, so the key can identify an account (one rate limiter per
 * account). {@link #fingerprint()} tells keys apart in logs without disclosing them.
 */
public final class ApiKey {

    private final String secret;
    private final String fingerprint;

    private ApiKey(String secret) {
        this.secret = secret;
        this.fingerprint = sha256Prefix(secret);
    }

    /**
     * Wraps an API key as read from configuration. Surrounding whitespace (a trailing newline from an
     * environment file, say) is removed; the key itself is never echoed in an error message.
     *
     * @param apiKey the key
     * @return the wrapped key
     * @throws IllegalArgumentException when the key is null, blank, or contains whitespace or control characters
     */
    public static ApiKey of(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("The Ometria API key is missing or blank; "
                    + "create one in the Ometria app under Settings → API keys");
        }
        String trimmed = apiKey.strip();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            // A header value cannot hold these; the JDK would reject it later with a message that quotes the value.
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("The Ometria API key contains whitespace or a control character "
                        + "at position " + i + "; check how it is copied into the configuration");
            }
        }
        return new ApiKey(trimmed);
    }

    /**
     * The secret itself, for the {@code X-Ometria-Auth} header. Never log or concatenate the result.
     *
     * @return the key
     */
    public String reveal() {
        return secret;
    }

    /**
     * A short, non-reversible identifier of the key (the first 8 hex digits of its SHA-256), for telling
     * accounts apart in logs.
     *
     * @return for example {@code sha256:1f2e3d4c}
     */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * Replaces every occurrence of the key in a text by {@code ****}.
     *
     * @param text any text, may be null
     * @return the text without the key; null for null
     */
    public String redactFrom(String text) {
        return text == null ? null : text.replace(secret, "****");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey that && MessageDigest.isEqual(
                secret.getBytes(StandardCharsets.UTF_8), that.secret.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return secret.hashCode();
    }

    /** Masked: shows only the fingerprint. */
    @Override
    public String toString() {
        return "ApiKey[****, " + fingerprint + "]";
    }

    private static String sha256Prefix(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }
}
