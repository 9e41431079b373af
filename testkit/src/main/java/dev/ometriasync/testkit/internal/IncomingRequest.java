package dev.ometriasync.testkit.internal;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

/** One request as read off the wire, before any decision. */
record IncomingRequest(String method, String path, Headers headers, byte[] body, Instant arrival) {

    /** @return whether {@code X-Ometria-Auth} holds exactly the expected key */
    boolean carriesKey(String apiKey) {
        String sent = headers.getFirst("X-Ometria-Auth");
        return sent != null && MessageDigest.isEqual(
                sent.getBytes(StandardCharsets.UTF_8), apiKey.getBytes(StandardCharsets.UTF_8));
    }
}
