/**
 * The HTTP side of {@link dev.ometriasync.runtime.OmetriaClient}: endpoint checks, the secret-safe
 * {@link dev.ometriasync.runtime.internal.client.ApiKey}, the request body, and the classification of
 * every answer into a {@link dev.ometriasync.runtime.PushResult}:
 *
 * <table>
 *   <caption>Push answers</caption>
 *   <tr><th>Answer</th><th>Result</th></tr>
 *   <tr><td>2xx with a JSON object whose {@code status} is {@code "OK"}</td><td>Accepted (missing counts:
 *       {@code rejected} 0, {@code accepted} the rest of the batch)</td></tr>
 *   <tr><td>2xx with any other body</td><td>Retryable (not proof of delivery; re-sending is an idempotent upsert)</td></tr>
 *   <tr><td>429</td><td>RateLimited, with {@code Retry-After} (seconds or HTTP-date) and
 *       {@code X-QueueSize-Remaining} when readable</td></tr>
 *   <tr><td>400, 413, 422</td><td>BadRequest (bisect the batch)</td></tr>
 *   <tr><td>401, 403</td><td>Unauthorized</td></tr>
 *   <tr><td>TLS handshake failed on the certificate, or on a fatal alert from the server</td><td>TlsFailure
 *       (not retried: sending stops, as for a refused key)</td></tr>
 *   <tr><td>any other status, I/O error, timeout, dropped connection</td><td>Retryable</td></tr>
 * </table>
 *
 * Not API; may change in any release.
 */
package dev.ometriasync.runtime.internal.client;
