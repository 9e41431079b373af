package dev.ometriasync.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One HTTP request the simulator received, in the order of arrival. The API key is never recorded, only
 * whether it matched.
 *
 * @param sequence 1 for the first request since start or {@link OmetriaSimulator#reset()}
 * @param arrival when it arrived, on the simulator's clock
 * @param method HTTP method
 * @param path request path, such as {@code /v2/push}
 * @param status the HTTP status answered, or {@link #NO_RESPONSE} when the connection was dropped
 * @param recordCount number of elements of the body's JSON array (0 when the body was not one)
 * @param types the distinct {@code @type} values of the records, sorted
 * @param ids the records' {@code id} values in body order ({@code null} entries for elements without one)
 * @param bodyBytes size of the request body in bytes
 * @param authenticated whether {@code X-Ometria-Auth} held the right key
 * @param requestId the {@code request_id} answered on a 200, else null
 * @param outcome a short description of what the simulator did: {@code accepted}, {@code rate-limited},
 *     {@code backlog-full}, {@code unauthorized}, {@code invalid-payload}, {@code fault: ...}, ...
 * @param body the request body as UTF-8 text, or null when the simulator was told not to keep bodies
 */
public record RecordedRequest(long sequence, Instant arrival, String method, String path, int status,
                              int recordCount, Set<String> types, List<String> ids, int bodyBytes,
                              boolean authenticated, String requestId, String outcome, String body) {

    /** The {@link #status()} of a request whose connection was closed without a response. */
    public static final int NO_RESPONSE = 0;

    /** @return whether this was a {@code POST /v2/push} */
    public boolean isPush() {
        return "POST".equals(method) && "/v2/push".equals(path);
    }

    /** @return whether the connection was closed without an answer */
    public boolean dropped() {
        return status == NO_RESPONSE;
    }
}
