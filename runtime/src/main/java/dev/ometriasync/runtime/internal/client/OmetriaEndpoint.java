package dev.ometriasync.runtime.internal.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The base URL of Ometria's API, checked once: HTTPS, or plain HTTP only on a loopback address (the
 * simulator in tests), because the API key travels in a header and must never cross a network in clear.
 *
 * <p>"Loopback" is decided from the URL text alone — {@code localhost}, {@code 127.x.x.x} or {@code [::1]} —
 * without a DNS lookup, so that a host name that resolves to 127.0.0.1 today cannot be re-pointed at a
 * remote machine tomorrow.
 */
public final class OmetriaEndpoint {

    /** Ometria's production API. */
    public static final URI DEFAULT = URI.create("https://api.ometria.com");

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final URI base;
    private final URI push;
    private final URI errors;

    private OmetriaEndpoint(URI base) {
        this.base = base;
        String prefix = base.toString().replaceAll("/+$", "");
        this.push = URI.create(prefix + "/v2/push");
        this.errors = URI.create(prefix + "/v2/push/_errors");
    }

    /**
     * Checks a base URL.
     *
     * @param base such as {@code https://api.ometria.com}, or {@code http://127.0.0.1:8080} for a local simulator
     * @return the endpoint
     * @throws IllegalArgumentException when the URL is not absolute HTTPS (or loopback HTTP), carries user
     *         info, a query or a fragment, or already ends in {@code /v2}
     */
    public static OmetriaEndpoint of(URI base) {
        Objects.requireNonNull(base, "endpoint");
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!base.isAbsolute() || base.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("The Ometria endpoint '" + base + "' is not an absolute http(s) URL with a host; "
                    + "use " + DEFAULT + " (the default) or, for a local simulator, http://127.0.0.1:<port>");
        }
        if (scheme.equals("http") && !isLoopback(base.getHost())) {
            throw new IllegalArgumentException("The Ometria endpoint '" + base + "' uses plain http on a non-loopback host; "
                    + "the API key would travel in clear text. Use https (Ometria serves HTTPS only); "
                    + "plain http is allowed only for localhost, 127.0.0.0/8 and [::1]");
        }
        if (base.getRawUserInfo() != null || base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new IllegalArgumentException("The Ometria endpoint must be a plain base URL without user info, "
                    + "query or fragment, such as " + DEFAULT);
        }
        String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        if (path.endsWith("/v2") || path.endsWith("/v2/push")) {
            throw new IllegalArgumentException("The Ometria endpoint '" + base + "' already contains the API path; "
                    + "give the base URL only (such as " + DEFAULT + "): the client appends /v2/push itself");
        }
        return new OmetriaEndpoint(base);
    }

    static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        boolean literal = IPV4_LITERAL.matcher(bare).matches() || bare.indexOf(':') >= 0;
        if (!literal) {
            return false;
        }
        try {
            // For an IP literal getByName only parses; it never asks DNS.
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The base URL as configured.
     *
     * @return the base URL
     */
    public URI base() {
        return base;
    }

    /**
     * The push endpoint.
     *
     * @return {@code {base}/v2/push}
     */
    public URI push() {
        return push;
    }

    /**
     * The recent-errors endpoint.
     *
     * @return {@code {base}/v2/push/_errors}
     */
    public URI errors() {
        return errors;
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
