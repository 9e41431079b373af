package dev.ometriasync.runtime.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ometriasync.runtime.PushError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of {@code GET /v2/push/_errors}: a JSON array of {@code {error_message, error_path}}
 * objects. Fields Ometria may add later are ignored; a missing field reads as null.
 */
final class RecentErrorsParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecentErrorsParser() {
    }

    /**
     * Parses the body.
     *
     * @param body the response body
     * @return the entries, in Ometria's order
     * @throws IllegalArgumentException when the body is not a JSON array of objects
     */
    static List<PushError> parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the _errors body is not JSON", e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("the _errors body is not a JSON array");
        }
        List<PushError> errors = new ArrayList<>(root.size());
        for (JsonNode entry : root) {
            if (!entry.isObject()) {
                throw new IllegalArgumentException("an _errors entry is not a JSON object");
            }
            errors.add(new PushError(text(entry, "error_message"), text(entry, "error_path")));
        }
        return List.copyOf(errors);
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
