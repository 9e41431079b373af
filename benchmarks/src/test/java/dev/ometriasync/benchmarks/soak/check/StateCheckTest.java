package dev.ometriasync.benchmarks.soak.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The soak's verdict must be able to fail: each way Ometria can differ from the database is caught. */
class StateCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final OmetriaKey CONTACT = new OmetriaKey("contact", "1");
    private static final OmetriaKey ORDER = new OmetriaKey("order", "SO-A1-2");
    private static final OmetriaKey DELETED_ORDER = new OmetriaKey("order", "SO-B1-3");
    private static final OmetriaKey DELETED_PRODUCT = new OmetriaKey("product", "SP-A1-4");
    private static final OmetriaKey DELETED_CONTACT = new OmetriaKey("contact", "5");

    private final ExpectedState expected = new ExpectedState(Map.of(
            CONTACT, json("{\"@type\":\"contact\",\"@collection\":\"soak\",\"id\":\"1\",\"firstname\":\"Ada\","
                    + "\"timestamp_acquired\":\"2026-12-02T09:00:00Z\"}"),
            ORDER, json("{\"@type\":\"order\",\"id\":\"SO-A1-2\",\"grand_total\":10.50,\"status\":\"pending\","
                    + "\"lineitems\":[{\"product_id\":\"SP-1\",\"quantity\":2,\"unit_price\":5.25}]}")),
            Set.of(DELETED_ORDER, DELETED_PRODUCT, DELETED_CONTACT));

    @Test
    void equalWhenOmetriaHoldsTheSameMeaningInItsOwnForms() {
        Map<OmetriaKey, ObjectNode> ometria = matchingOmetria();

        StateCheckResult result = StateCheck.compare(expected, ometria);

        assertThat(result.mismatches()).isEmpty();
        assertThat(result.equal()).isTrue();
        assertThat(result.equalRecords()).isEqualTo(2);
        assertThat(result.deactivatedDeletes()).isEqualTo(2);
        assertThat(result.deletedContacts()).isEqualTo(1);
    }

    @Test
    void aStaleFieldIsAMismatch() {
        Map<OmetriaKey, ObjectNode> ometria = matchingOmetria();
        ometria.get(CONTACT).put("firstname", "Augusta");

        StateCheckResult result = StateCheck.compare(expected, ometria);

        assertThat(result.equal()).isFalse();
        assertThat(result.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Mismatch.Kind.FIELD_DIFFERS);
            assertThat(m.key()).isEqualTo(CONTACT);
            assertThat(m.field()).isEqualTo("firstname");
            assertThat(m.expected()).isEqualTo("\"Ada\"");
            assertThat(m.actual()).isEqualTo("\"Augusta\"");
        });
    }

    @Test
    void aLineItemDifferenceIsFoundByPath() {
        Map<OmetriaKey, ObjectNode> ometria = matchingOmetria();
        ((ObjectNode) ometria.get(ORDER).get("lineitems").get(0)).put("quantity", 3);

        assertThat(StateCheck.compare(expected, ometria).mismatches()).extracting(Mismatch::field)
                .containsExactly("lineitems[0].quantity");

        ometria.get(ORDER).putArray("lineitems");
        assertThat(StateCheck.compare(expected, ometria).mismatches()).extracting(Mismatch::field)
                .containsExactly("lineitems");
    }

    @Test
    void aFieldClearedInTheDatabaseButKeptInOmetriaIsAMismatch() {
        Map<OmetriaKey, ObjectNode> ometria = matchingOmetria();
        ometria.get(CONTACT).put("middlename", "Byron");

        assertThat(StateCheck.compare(expected, ometria).mismatches()).singleElement()
                .extracting(Mismatch::kind).isEqualTo(Mismatch.Kind.FIELD_NOT_IN_DATABASE);
    }

    @Test
    void aMissingRecordIsLost() {
        Map<OmetriaKey, ObjectNode> ometria = matchingOmetria();
        ometria.remove(ORDER);

        StateCheckResult result = StateCheck.compare(expected, ometria);

        assertThat(result.lost()).isEqualTo(1);
        assertThat(result.mismatches()).singleElement().extracting(Mismatch::kind).isEqualTo(Mismatch.Kind.LOST);
    }

    @Test
    void aDeletedOrderOrProductStillActiveOrNeverSentIsNotDeactivated() {
        Map<OmetriaKey, ObjectNode> ometria = matchingOmetria();
        ometria.get(DELETED_ORDER).put("is_valid", true);
        ometria.remove(DELETED_PRODUCT);

        assertThat(StateCheck.compare(expected, ometria).mismatches())
                .extracting(Mismatch::kind, Mismatch::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Mismatch.Kind.NOT_DEACTIVATED, DELETED_ORDER),
                        org.assertj.core.groups.Tuple.tuple(Mismatch.Kind.NOT_DEACTIVATED, DELETED_PRODUCT));
    }

    @Test
    void aLiveOrderDeactivatedInOmetriaIsAMismatch() {
        Map<OmetriaKey, ObjectNode> ometria = matchingOmetria();
        ometria.get(ORDER).put("is_valid", false);

        assertThat(StateCheck.compare(expected, ometria).mismatches()).singleElement()
                .satisfies(m -> assertThat(m.field()).isEqualTo("is_valid"));
    }

    @Test
    void aRecordWithNeitherRowNorDeleteIsAPhantom() {
        Map<OmetriaKey, ObjectNode> ometria = matchingOmetria();
        OmetriaKey rolledBack = new OmetriaKey("order", "SO-A1-99");
        ometria.put(rolledBack, json("{\"@type\":\"order\",\"id\":\"SO-A1-99\"}"));

        assertThat(StateCheck.compare(expected, ometria).mismatches()).singleElement()
                .satisfies(m -> {
                    assertThat(m.kind()).isEqualTo(Mismatch.Kind.PHANTOM);
                    assertThat(m.key()).isEqualTo(rolledBack);
                });
    }

    @Test
    void numbersAndTimestampsCompareByMeaningButNotAcrossTypes() {
        assertThat(StateCheck.sameValue(JSON.valueToTree(10.5), JSON.valueToTree(new java.math.BigDecimal("10.50"))))
                .isTrue();
        assertThat(StateCheck.sameValue(JSON.valueToTree("2026-12-02T09:00:00Z"),
                JSON.valueToTree("2026-12-02T10:00:00+01:00"))).isTrue();
        assertThat(StateCheck.sameValue(JSON.valueToTree("2026-12-02T09:00:00Z"),
                JSON.valueToTree("2026-12-02T09:00:01+00:00"))).isFalse();
        assertThat(StateCheck.sameValue(JSON.valueToTree(10.5), JSON.valueToTree("10.5"))).isFalse();
        assertThat(StateCheck.sameValue(JSON.valueToTree("1990-01-02"), JSON.valueToTree("1990-01-02"))).isTrue();
    }

    private static Map<OmetriaKey, ObjectNode> matchingOmetria() {
        Map<OmetriaKey, ObjectNode> ometria = new HashMap<>();
        ometria.put(CONTACT, json("{\"@type\":\"contact\",\"@collection\":\"soak\",\"id\":\"1\",\"firstname\":\"Ada\","
                + "\"timestamp_acquired\":\"2026-12-02T09:00:00+00:00\"}"));
        ometria.put(ORDER, json("{\"@type\":\"order\",\"id\":\"SO-A1-2\",\"grand_total\":10.5,\"status\":\"pending\","
                + "\"lineitems\":[{\"product_id\":\"SP-1\",\"quantity\":2,\"unit_price\":5.25}]}"));
        ometria.put(DELETED_ORDER, json("{\"@type\":\"order\",\"id\":\"SO-B1-3\",\"status\":\"pending\",\"is_valid\":false}"));
        ometria.put(DELETED_PRODUCT, json("{\"@type\":\"product\",\"id\":\"SP-A1-4\",\"is_active\":false}"));
        ometria.put(DELETED_CONTACT, json("{\"@type\":\"contact\",\"@collection\":\"soak\",\"id\":\"5\"}"));
        return ometria;
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
