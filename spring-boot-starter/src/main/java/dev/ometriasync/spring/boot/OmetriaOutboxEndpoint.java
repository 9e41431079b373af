package dev.ometriasync.spring.boot;

import dev.ometriasync.hibernate.DeadLetter;
import dev.ometriasync.hibernate.DeadLetters;
import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.hibernate.OmetriaSyncStatus;
import dev.ometriasync.runtime.PushErrorReport;
import dev.ometriasync.runtime.RecordKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The outbox for operators, at {@code /actuator/ometria} once exposed
 * ({@code management.endpoints.web.exposure.include=health,ometria}); the same operations as
 * {@link OmetriaSync#deadLetters()}:
 * <ul>
 *   <li>{@code GET /actuator/ometria?limit=100}: outbox figures, the dead rows with their reasons, and
 *       ({@code pushErrors}) the validation errors Ometria listed lately at {@code GET /v2/push/_errors}, each with its
 *       record type and id where they can be told, or the candidates ({@link OmetriaSync#pushErrors()}; empty unless
 *       {@code ometria.push-errors.poll-interval} is set);</li>
 *   <li>{@code POST /actuator/ometria} with {@code {"ids": "41,42"}} or {@code {"all": true}}: replay dead rows (they
 *       become pending and the relay sends the entities' current state);</li>
 *   <li>{@code DELETE /actuator/ometria?ids=41,42} or {@code ?all=true}: purge dead rows.</li>
 * </ul>
 * Replay and purge need either ids or {@code all=true}, so that an empty request never touches every row.
 */
@Endpoint(id = "ometria")
public class OmetriaOutboxEndpoint {

    private static final int DEFAULT_LIMIT = 100;

    private final OmetriaSync sync;

    /**
     * Creates the endpoint.
     *
     * @param sync the integration
     */
    public OmetriaOutboxEndpoint(OmetriaSync sync) {
        this.sync = sync;
    }

    /**
     * Figures, dead rows and the validation errors Ometria listed lately.
     *
     * @param limit the most dead rows to list (default 100)
     * @return the figures, the rows and the errors
     */
    @ReadOperation
    public Map<String, Object> outbox(@Nullable Integer limit) {
        OmetriaSyncStatus status = sync.status();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enabled", status.enabled());
        body.put("mode", status.mode() == null ? null : status.mode().externalName());
        body.put("pending", status.pendingRows());
        body.put("dead", status.deadRows());
        body.put("oldestPendingAge", status.oldestPendingAge() == null ? null : status.oldestPendingAge().toString());
        body.put("leaseHolder", status.leaseHolder());
        body.put("activeRelay", status.activeRelay());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DeadLetter row : sync.deadLetters().list(limit == null || limit < 1 ? DEFAULT_LIMIT : limit)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", row.id());
            item.put("operation", row.operation());
            item.put("entityName", row.entityName());
            item.put("entityId", row.entityId());
            item.put("ometriaType", row.ometriaType());
            item.put("ometriaId", row.ometriaId());
            item.put("attempts", row.attempts());
            item.put("reason", row.reason());
            item.put("createdAt", row.createdAt() == null ? null : row.createdAt().toString());
            rows.add(item);
        }
        body.put("deadLetters", rows);
        List<Map<String, Object>> errors = new ArrayList<>();
        for (PushErrorReport report : sync.pushErrors()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("recordType", report.recordType() == null ? null : report.recordType().jsonName());
            item.put("recordId", report.recordId());
            item.put("collection", report.record() == null ? null : report.record().collection());
            item.put("candidates", report.candidates().stream().map(RecordKey::id).toList());
            item.put("errorPath", report.error().errorPath());
            item.put("errorMessage", report.error().errorMessage());
            item.put("listedAt", report.listedAt().toString());
            errors.add(item);
        }
        body.put("pushErrors", errors);
        return body;
    }

    /**
     * Replays dead rows.
     *
     * @param ids comma-separated row ids
     * @param all true to replay every dead row
     * @return {@code {"replayed": n}}
     */
    @WriteOperation
    public Map<String, Object> replay(@Nullable String ids, @Nullable Boolean all) {
        DeadLetters dead = sync.deadLetters();
        int replayed = Boolean.TRUE.equals(all) ? dead.replayAll() : dead.replay(parseIds(ids));
        return Map.of("replayed", replayed);
    }

    /**
     * Purges dead rows.
     *
     * @param ids comma-separated row ids
     * @param all true to purge every dead row
     * @return {@code {"purged": n}}
     */
    @DeleteOperation
    public Map<String, Object> purge(@Nullable String ids, @Nullable Boolean all) {
        DeadLetters dead = sync.deadLetters();
        int purged = Boolean.TRUE.equals(all) ? dead.purgeAll() : dead.purge(parseIds(ids));
        return Map.of("purged", purged);
    }

    private static List<Long> parseIds(@Nullable String ids) {
        if (ids == null || ids.isBlank()) {
            throw new InvalidEndpointRequestException("name the rows: ids=41,42 (or all=true)", "no ids and not all=true");
        }
        List<Long> parsed = new ArrayList<>();
        for (String id : ids.replace("[", "").replace("]", "").split(",")) {
            if (!id.isBlank()) {
                try {
                    parsed.add(Long.parseLong(id.trim()));
                } catch (NumberFormatException e) {
                    throw new InvalidEndpointRequestException("ids must be outbox row ids, was '" + id.trim() + "'", "bad id");
                }
            }
        }
        return parsed;
    }
}
