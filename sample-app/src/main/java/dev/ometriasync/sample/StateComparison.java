package dev.ometriasync.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ometriasync.runtime.OmetriaRecords;
import dev.ometriasync.sample.shop.Customer;
import dev.ometriasync.sample.shop.Product;
import dev.ometriasync.sample.shop.PurchaseOrder;
import dev.ometriasync.sample.shop.WishlistEvent;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Compares what Ometria holds with the database: each entity's full record, serialized from its row by
 * the generated serializer (the same record a backfill would send), against the simulator's merged state
 * of that record.
 */
final class StateComparison {

    /** The entity classes that are Ometria records (order lines and addresses are nested in orders). */
    static final List<Class<?>> RECORD_TYPES = List.of(Product.class, Customer.class, PurchaseOrder.class, WishlistEvent.class);

    /** Exact decimals, so that a price of {@code 12.50} is shown as the database writes it. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final int PAGE = 200;

    private final SessionFactory factory;
    private final OmetriaSimulator simulator;

    /**
     * @param factory the shop's database
     * @param simulator the simulator, or null for a real account (whose state cannot be read back)
     */
    StateComparison(SessionFactory factory, OmetriaSimulator simulator) {
        this.factory = factory;
        this.simulator = simulator;
    }

    /**
     * Compares one entity.
     *
     * @param ref the entity
     * @return the comparison
     * @throws IllegalArgumentException when the row does not exist
     */
    RecordComparison compare(EntityRef ref) {
        return factory.fromSession(session -> {
            Object entity = session.find(ref.type(), ref.id());
            if (entity == null) {
                throw new IllegalArgumentException("no " + ref.type().getSimpleName() + " with id " + ref.id());
            }
            return compare(entity);
        });
    }

    /**
     * Compares every record-type row of the database, page by page.
     *
     * @return per entity class, the result
     */
    Map<Class<?>, TypeResult> compareAll() {
        Map<Class<?>, TypeResult> results = new LinkedHashMap<>();
        for (Class<?> type : RECORD_TYPES) {
            results.put(type, compareAll(type));
        }
        return results;
    }

    private TypeResult compareAll(Class<?> type) {
        List<RecordComparison> mismatches = new ArrayList<>();
        int compared = 0;
        String recordType = null;
        for (int first = 0; ; first += PAGE) {
            int offset = first;
            List<RecordComparison> page = factory.fromSession(session -> comparePage(session, type, offset));
            for (RecordComparison comparison : page) {
                recordType = comparison.type();
                if (!comparison.matches()) {
                    mismatches.add(comparison);
                }
            }
            compared += page.size();
            if (page.size() < PAGE) {
                break;
            }
        }
        int held = simulator == null || recordType == null ? -1 : simulator.recordCount(recordType);
        return new TypeResult(type.getSimpleName(), recordType, compared, held, mismatches);
    }

    private List<RecordComparison> comparePage(Session session, Class<?> type, int offset) {
        List<?> rows = session.createSelectionQuery("from " + type.getSimpleName() + " e order by e.id", type)
                .setFirstResult(offset).setMaxResults(PAGE).getResultList();
        List<RecordComparison> page = new ArrayList<>(rows.size());
        for (Object row : rows) {
            page.add(compare(row));
        }
        return page;
    }

    private RecordComparison compare(Object entity) {
        ObjectNode database = parse(OmetriaRecords.toJson(entity));
        String type = database.path("@type").asText();
        String id = database.path("id").asText();
        String collection = database.hasNonNull("@collection") ? database.get("@collection").asText() : null;
        ObjectNode ometria = null;
        if (simulator != null) {
            ometria = "contact".equals(type) ? simulator.contact(collection, id) : simulator.record(type, id);
        }
        return new RecordComparison(type, collection, id, database, ometria);
    }

    /**
     * Why a record is not in Ometria: ometria-sync refused it (a dead outbox row keeps the reason), or Ometria
     * acknowledged the push, then found the record invalid and did not store it (the simulator's validation
     * failures, as {@code GET /v2/push/_errors} lists them).
     *
     * @param comparison the record
     * @return one line per reason; empty when none is known
     */
    List<String> refusals(RecordComparison comparison) {
        List<String> reasons = new ArrayList<>(deadOutboxRows(comparison));
        if (simulator != null) {
            simulator.errors().stream()
                    .filter(e -> comparison.type().equals(e.recordType()) && comparison.id().equals(e.recordId()))
                    .map(e -> "Ometria acknowledged the push, then refused the record: " + e.errorPath() + ": " + e.errorMessage())
                    .forEach(reasons::add);
        }
        return reasons;
    }

    /** The reasons kept in {@code ometria_outbox} rows marked DEAD (rows are kept there for inspection and replay). */
    private List<String> deadOutboxRows(RecordComparison comparison) {
        return factory.fromSession(session -> session.createNativeQuery(
                        "select last_error from ometria_outbox where status = 'DEAD' and lower(ometria_type) = :type"
                                + " and (ometria_id = :id or entity_id = :id)", String.class)
                .setParameter("type", comparison.type().toLowerCase(Locale.ROOT))
                .setParameter("id", comparison.id())
                .getResultList().stream()
                .map(error -> "ometria-sync did not send it; its outbox row is DEAD: " + error)
                .toList());
    }

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The comparison of every row of one entity class.
     *
     * @param entity the entity class's simple name
     * @param recordType its Ometria {@code @type} (null when the table is empty)
     * @param compared rows compared
     * @param heldByOmetria records of that type the simulator holds, -1 when unknown
     * @param mismatches rows whose record Ometria does not hold exactly
     */
    record TypeResult(String entity, String recordType, int compared, int heldByOmetria, List<RecordComparison> mismatches) {

        boolean allMatch() {
            return mismatches.isEmpty() && (heldByOmetria < 0 || heldByOmetria == compared);
        }
    }
}
