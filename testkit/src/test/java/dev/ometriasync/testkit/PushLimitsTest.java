package dev.ometriasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The synchronous checks of {@code POST /v2/push}: auth, content type, body shape, count and size limits. */
class PushLimitsTest {

    private final OmetriaSimulator simulator = OmetriaSimulator.builder().https(false).start();
    private final PushClient client = new PushClient(simulator);

    @AfterEach
    void close() {
        simulator.close();
    }

    @Test
    void acknowledgesAPushWithOmetriasResponseShape() {
        HttpResponse<String> response = client.push(PushClient.orders("ORD-", 3));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = PushClient.json(response);
        assertThat(body.get("status").asText()).isEqualTo("OK");
        assertThat(body.get("request_id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(body.get("accepted").asInt()).isEqualTo(3);
        assertThat(body.get("rejected").asInt()).isZero();
        assertThat(simulator.recordCount("order")).isEqualTo(3);
        assertThat(simulator.pushRequests()).singleElement().satisfies(request -> {
            assertThat(request.status()).isEqualTo(200);
            assertThat(request.recordCount()).isEqualTo(3);
            assertThat(request.types()).containsExactly("order");
            assertThat(request.ids()).containsExactly("ORD-0", "ORD-1", "ORD-2");
            assertThat(request.requestId()).isEqualTo(body.get("request_id").asText());
            assertThat(request.authenticated()).isTrue();
        });
    }

    @Test
    void refusesAMissingOrWrongKeyWith401AndStoresNothing() {
        HttpResponse<String> missing = client.send(client.pushRequest(PushClient.orders("A", 1)).build());
        HttpResponse<String> wrong = client.send(client.pushRequest(PushClient.orders("B", 1))
                .header("X-Ometria-Auth", "not-the-key").build());

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(PushClient.json(wrong).get("message").asText()).contains("X-Ometria-Auth");
        assertThat(simulator.recordCount()).isZero();
        assertThat(simulator.pushRequests()).extracting(RecordedRequest::authenticated).containsExactly(false, false);
        assertThat(simulator.pushRequests()).extracting(RecordedRequest::body).doesNotContainNull()
                .noneMatch(body -> body.contains(simulator.apiKey()));
    }

    @Test
    void answers403ForAWrongKeyWhenConfiguredSo() {
        try (OmetriaSimulator strict = OmetriaSimulator.builder().https(false).authFailureStatus(403).start()) {
            HttpResponse<String> wrong = new PushClient(strict).send(new PushClient(strict)
                    .pushRequest(PushClient.orders("A", 1)).header("X-Ometria-Auth", "nope").build());

            assertThat(wrong.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void refusesAnotherContentTypeWith415() {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(simulator.baseUri().resolve("/v2/push"))
                .header("X-Ometria-Auth", simulator.apiKey()).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(PushClient.orders("A", 1))).build());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(simulator.recordCount()).isZero();
    }

    @Test
    void acceptsContentTypeWithACharsetParameter() {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(simulator.baseUri().resolve("/v2/push"))
                .header("X-Ometria-Auth", simulator.apiKey()).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(PushClient.orders("A", 1))).build());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesABodyThatIsNotAJsonArray() {
        HttpResponse<String> object = client.push("{\"@type\":\"order\",\"id\":\"1\"}");
        HttpResponse<String> garbage = client.push("[{\"@type\":\"order\",");

        assertThat(object.statusCode()).isEqualTo(400);
        assertThat(PushClient.json(object).get("message").asText()).contains("must be a JSON array");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(PushClient.json(garbage).get("message").asText()).startsWith("Payload invalid: the body is not valid JSON");
        assertThat(simulator.recordCount()).isZero();
    }

    @Test
    void acceptsExactly100RecordsAndRefuses101() {
        HttpResponse<String> hundred = client.push(PushClient.orders("H", 100));
        HttpResponse<String> hundredAndOne = client.push(PushClient.orders("X", 101));

        assertThat(hundred.statusCode()).isEqualTo(200);
        assertThat(PushClient.json(hundred).get("accepted").asInt()).isEqualTo(100);
        assertThat(hundredAndOne.statusCode()).isEqualTo(400);
        assertThat(PushClient.json(hundredAndOne).get("message").asText())
                .isEqualTo("Payload invalid: too many records (101); at most 100 records per request");
        assertThat(simulator.recordCount()).isEqualTo(100);
        assertThat(simulator.record("order", "X0")).isNull();
    }

    @Test
    void acceptsARecordOfExactly60KbAndRefusesOneByteMore() {
        // "60k byte" read as 60,000 bytes: the stricter of 60,000 and 61,440.
        String atLimit = orderOfBytes("BIG-1", 60_000);
        String overLimit = orderOfBytes("BIG-2", 60_001);

        HttpResponse<String> accepted = client.push("[" + atLimit + "]");
        HttpResponse<String> refused = client.push("[" + PushClient.orders("SMALL", 1).replace("[", "").replace("]", "")
                + "," + overLimit + "]");

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(PushClient.json(refused).get("message").asText()).isEqualTo("Payload invalid: Record is too large.");
        assertThat(simulator.record("order", "BIG-1")).isNotNull();
        assertThat(simulator.record("order", "SMALL0")).as("the whole request is refused").isNull();
    }

    @Test
    void measuresRecordSizeInUtf8BytesAsSent() {
        // 'é' is two bytes in UTF-8: a record of 30,000 of them plus the envelope exceeds 60,000 bytes
        // although it holds far fewer than 60,000 characters.
        String record = "{\"@type\":\"order\",\"id\":\"UTF\",\"status\":\"" + "é".repeat(30_000) + "\"}";

        HttpResponse<String> response = client.push("[" + record + "]");

        assertThat(record.length()).isLessThan(60_000);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(PushClient.json(response).get("message").asText()).isEqualTo("Payload invalid: Record is too large.");
    }

    @Test
    void countsElementsWithoutObjectTypeOrIdAsRejectedAtIntake() {
        HttpResponse<String> response = client.push("""
                [{"@type":"order","id":"OK-1"},
                 "not an object",
                 {"id":"no-type"},
                 {"@type":"basket","id":"unknown-type"},
                 {"@type":"order"},
                 {"@type":"order","id":""},
                 {"@type":"order","id":4.2}]
                """);

        JsonNode body = PushClient.json(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.get("accepted").asInt()).isEqualTo(1);
        assertThat(body.get("rejected").asInt()).isEqualTo(6);
        assertThat(simulator.recordCount()).isEqualTo(1);
        assertThat(simulator.errors()).extracting(ValidationFailure::errorPath)
                .containsExactly("root", "root > @type", "root > @type", "root > id", "root > id", "root > id");
    }

    @Test
    void acceptsNumericIdsAsOmetriasOwnExtensionSendsThem() {
        // Ometria's docs say ids are strings, yet its Magento extension pushes {"id": 1234}.
        HttpResponse<String> response = client.push("""
                [{"@type":"product","id":1234,"is_in_stock":false,"@merge":true,"parent_id":12,
                  "attributes":[{"type":"colour","id":7,"label":"Red"}]}]""");
        client.push("""
                [{"@type":"order","id":42,"customer":{"id":9},
                  "lineitems":[{"product_id":1234,"variant_id":1235,"quantity":1,"unit_price":2,
                                "variant_options":[{"id":3,"type":"size","label":"M"}]}]}]""");
        client.push("""
                [{"@type":"contact","id":77,"customer_id":9,"@add_to_lists":[5,"news"]}]""");

        assertThat(PushClient.json(response).get("accepted").asInt()).isEqualTo(1);
        assertThat(simulator.errors()).isEmpty();
        assertThat(simulator.record("product", "1234").get("id").asInt()).isEqualTo(1234);
        assertThat(simulator.record("order", "42")).isNotNull();
        assertThat(simulator.contact(null, "77").get("customer_id").asInt()).isEqualTo(9);
    }

    @Test
    void acceptsMixedTypesByDefaultButShowsThemAndRefusesThemWhenConfigured() {
        String mixed = "[{\"@type\":\"order\",\"id\":\"O\"},{\"@type\":\"product\",\"id\":\"P\"}]";

        assertThat(client.push(mixed).statusCode()).isEqualTo(200);
        assertThat(simulator.pushRequests().get(0).types()).containsExactly("order", "product");
        try (OmetriaSimulator strict = OmetriaSimulator.builder().https(false).rejectMixedTypes(true).start()) {
            HttpResponse<String> refused = new PushClient(strict).push(mixed);

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(PushClient.json(refused).get("message").asText())
                    .isEqualTo("Payload invalid: a request must hold one record type, got [order, product]");
        }
    }

    @Test
    void answers404And405OutsideThePushApi() {
        HttpResponse<String> unknown = client.send(HttpRequest.newBuilder(simulator.baseUri().resolve("/v2/orders"))
                .GET().build());
        HttpResponse<String> getPush = client.send(HttpRequest.newBuilder(simulator.baseUri().resolve("/v2/push"))
                .GET().build());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(getPush.statusCode()).isEqualTo(405);
        assertThat(getPush.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void closeIsIdempotentAndFreesThePort() throws Exception {
        OmetriaSimulator other = OmetriaSimulator.builder().https(false).start();
        int port = other.port();

        other.close();
        other.close();

        try (java.net.ServerSocket reuse = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(reuse.getLocalPort()).isEqualTo(port);
        }
    }

    /** An order whose JSON text is exactly {@code bytes} UTF-8 bytes long. */
    private static String orderOfBytes(String id, int bytes) {
        String envelope = "{\"@type\":\"order\",\"id\":\"" + id + "\",\"status\":\"\"}";
        String record = "{\"@type\":\"order\",\"id\":\"" + id + "\",\"status\":\"" + "x".repeat(bytes - envelope.length()) + "\"}";
        assertThat(record.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(bytes);
        return record;
    }
}
