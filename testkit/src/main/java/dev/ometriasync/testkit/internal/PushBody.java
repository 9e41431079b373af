package dev.ometriasync.testkit.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A push request body read as Ometria must read it: a JSON array whose elements are kept together with their
 * size in bytes <em>as sent</em> (the raw UTF-8 span of the element in the body, which is what a per-record
 * byte limit can only mean on the server side).
 */
final class PushBody {

    /** Exact decimals, so that {@code 12.50} is stored and asserted as sent. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** One element of the array. */
    record Element(JsonNode node, long bytes) {

        /** @return the element's {@code @type} when it is an object holding a string one, else null */
        String type() {
            JsonNode type = node.get("@type");
            return node.isObject() && type != null && type.isTextual() ? type.textValue() : null;
        }

        /** @return the element's {@code id} when it is an object holding a string or integral one, else null */
        String id() {
            JsonNode id = node.get("id");
            return node.isObject() && id != null && (id.isTextual() || id.isIntegralNumber()) ? id.asText() : null;
        }
    }

    /** The body could not be read as a JSON array; the message is safe to send back. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private final List<Element> elements;

    private PushBody(List<Element> elements) {
        this.elements = elements;
    }

    static PushBody parse(byte[] body) throws Unreadable {
        List<Element> elements = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new Unreadable("Payload invalid: the body is empty; send a JSON array of records");
            }
            if (first != JsonToken.START_ARRAY) {
                throw new Unreadable("Payload invalid: the body must be a JSON array of records, even for one record");
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                long start = parser.currentTokenLocation().getByteOffset();
                JsonNode node = JSON.readTree(parser);
                if (node == null) {
                    node = JSON.nullNode();
                }
                long end = parser.currentLocation().getByteOffset();
                elements.add(new Element(node, end - start));
            }
            if (parser.nextToken() != null) {
                throw new Unreadable("Payload invalid: unexpected content after the JSON array");
            }
        } catch (JsonProcessingException e) {
            throw new Unreadable("Payload invalid: the body is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new Unreadable("Payload invalid: the body could not be read (" + e.getMessage() + ")");
        }
        return new PushBody(elements);
    }

    List<Element> elements() {
        return elements;
    }

    int size() {
        return elements.size();
    }

    Set<String> types() {
        Set<String> types = new TreeSet<>();
        for (Element element : elements) {
            if (element.type() != null) {
                types.add(element.type());
            }
        }
        return types;
    }

    List<String> ids() {
        List<String> ids = new ArrayList<>(elements.size());
        for (Element element : elements) {
            ids.add(element.id());
        }
        return ids;
    }
}
