package dev.ometriasync.runtime.internal.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ometriasync.runtime.InvalidFieldPolicy;
import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.RecordKey;
import dev.ometriasync.runtime.internal.record.EncodedRecord;
import dev.ometriasync.runtime.internal.record.RecordAccess;
import dev.ometriasync.runtime.logging.EmailMasker;
import dev.ometriasync.schema.FieldSpec;
import dev.ometriasync.schema.ObjectSpec;
import dev.ometriasync.schema.OmetriaSchema;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a record against the schema catalogue before it is sent, so that a record Ometria would refuse —
 * or accept and then silently fail to store — is reported at once, by name, and the
 * rest of its batch goes on.
 *
 * <p>Never stricter than Ometria, never sending what Ometria would refuse. Rules, in order:
 * <ol>
 *   <li>The id is non-empty and has no whitespace (Ometria's data conventions). Failing rejects.</li>
 *   <li>Each known field has its JSON type and format: e-mail shape; phone numbers valid for Google's
 *       libphonenumber, which Ometria uses; ISO 4217 codes of circulating currencies ({@link java.util.Currency});
 *       ISO 3166-1 alpha-2 country ({@link java.util.Locale#getISOCountries()}), marketing opt-in values, ISO-8601
 *       timestamps with offset and dates, ids without whitespace — inside nested objects too. Ids written as
 *       integral numbers are rewritten as strings.</li>
 *   <li>Required fields: a full custom event needs {@code event_type} and one of {@code identity_email},
 *       {@code identity_account_id}, {@code profile_id}; every line item needs {@code product_id} or an embedded
 *       {@code product}, {@code quantity} and {@code unit_price} or {@code subtotal}; every variant option needs
 *       {@code id}, {@code type} and {@code label}; every product attribute a {@code type} and an {@code id} or
 *       {@code value}; every store listing its {@code store_id}. A partial record needs only what it carries.</li>
 *   <li>An invalid required field rejects the record, and so does an invalid consent or money field
 *       ({@link dev.ometriasync.schema.ObjectSpec#neverDropped}). An invalid optional descriptive field follows the
 *       {@link InvalidFieldPolicy}.</li>
 *   <li>A custom event type longer than {@value OmetriaSchema#MAX_EVENT_TYPE_LENGTH} characters is truncated, as
 *       Ometria truncates it, and reported.</li>
 *   <li>The record as it will be sent is at most {@value OmetriaSchema#MAX_RECORD_BYTES} bytes of UTF-8 JSON
 *       (Ometria's "60k byte", read as the smaller of 60,000 and 61,440). Failing rejects, with Ometria's wording
 *       "Record is too large" and the largest field named.</li>
 * </ol>
 * A field outside the catalogue is kept and reported as a warning: the catalogue is assembled from
 * Ometria's prose and peers' code, and Ometria's model takes more fields than are
 * documented, so refusing them would block legitimate data. A JSON {@code null} in an optional field is
 * valid: it deletes the stored value.
 *
 * <p>Thread-safe and stateless; messages name the record ({@code @type} and id) and the field, and e-mail
 * addresses in them are masked.
 */
public final class RecordValidator {

    private static final JsonMapper JSON = JsonMapper.builder()
            // Keep numbers exactly as written when a nested value has to be re-written after a drop.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final InvalidFieldPolicy policy;

    /**
     * Creates a validator.
     *
     * @param policy what to do with an invalid optional field
     */
    public RecordValidator(InvalidFieldPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The policy for invalid optional fields.
     *
     * @return the policy
     */
    public InvalidFieldPolicy policy() {
        return policy;
    }

    /**
     * Checks one record.
     *
     * @param record the record
     * @return {@link ValidationResult.Valid} with the record to send (invalid optional fields dropped under
     *         {@link InvalidFieldPolicy#DROP_FIELD}), or {@link ValidationResult.Rejected} with the reason
     */
    public ValidationResult validate(OmetriaRecord record) {
        String name = nameOf(record.key());
        if (record.id().isEmpty()) {
            return rejected(record, name + ": id is empty; every Ometria record needs a non-empty string id");
        }
        if (ValueFormats.hasWhitespace(record.id())) {
            return rejected(record, name + ": id must not contain whitespace (Ometria ids are strings without spaces)");
        }

        ObjectSpec spec = record.type().schema();
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> rewritten = new LinkedHashSet<>();
        ObjectChecker checker = new ObjectChecker(problems::add, unknown::add,
                path -> rewritten.add(FieldProblem.topLevelField(path)));
        Map<String, JsonNode> parsed = new HashMap<>();
        EncodedRecord encoded = RecordAccess.encoded(record);
        for (int i = 0; i < encoded.fieldCount(); i++) {
            String fieldName = encoded.name(i);
            Optional<FieldSpec> field = spec.field(fieldName);
            if (field.isEmpty()) {
                unknown.add(fieldName);
            } else if (!FragmentCheck.passes(encoded, i, field.get())) {
                // Something to report or rewrite: parse this field alone and check it in full.
                checkTopLevel(fieldName, encoded.rawValue(i), field.get(), spec, checker, problems, parsed, rewritten,
                        other -> present(encoded, other));
            }
        }
        List<String> truncated = new ArrayList<>();
        truncateEventType(record, encoded, name, parsed, rewritten, truncated);
        if (record.isFull()) {
            checkRequiredGroups(encoded, spec, problems);
        }

        Optional<FieldProblem> required = problems.stream().filter(FieldProblem::required).findFirst();
        if (required.isPresent()) {
            return rejected(record, name + ": " + required.get().describe() + more(problems, required.get()));
        }
        if (!problems.isEmpty() && policy == InvalidFieldPolicy.REJECT_RECORD) {
            return rejected(record, name + ": " + problems.get(0).describe() + more(problems, problems.get(0))
                    + " (invalid-field policy " + policy + ")");
        }

        OmetriaRecord toSend = problems.isEmpty() && rewritten.isEmpty()
                ? record : withoutInvalidFields(record, problems, parsed, rewritten);
        long size = RecordAccess.encoded(toSend).size();
        if (size > OmetriaSchema.MAX_RECORD_BYTES) {
            return rejected(record, name + ": Record is too large: " + size + " bytes of UTF-8 JSON, Ometria accepts at most "
                    + OmetriaSchema.MAX_RECORD_BYTES + " per record (its \"60k byte\", read as 60,000)" + largestField(toSend));
        }
        List<String> dropped = problems.stream()
                .map(problem -> safe(name + ": " + problem.describe() + "; the field was left out"))
                .toList();
        List<String> warnings = unknown.stream()
                .map(path -> safe(name + ": field '" + path + "' is not among Ometria's documented " + spec.name()
                        + " fields; sent as is"))
                .toList();
        return new ValidationResult.Valid(toSend, dropped, warnings, truncated);
    }

    /**
     * Cuts a custom event type longer than Ometria keeps to its first {@value OmetriaSchema#MAX_EVENT_TYPE_LENGTH}
     * characters (code points, so that no character is split), as Ometria does:
     * sending it whole would be no different, but the record the application hears about is then the record
     * Ometria stores.
     */
    private static void truncateEventType(OmetriaRecord record, EncodedRecord encoded, String name,
            Map<String, JsonNode> parsed, Set<String> rewritten, List<String> truncated) {
        if (record.type() != dev.ometriasync.schema.RecordType.CUSTOM_EVENT) {
            return;
        }
        JsonNode checked = parsed.get("event_type");
        int field = encoded.indexOf("event_type");
        String text = checked != null ? checked.textValue() : field < 0 ? null : encoded.simpleString(field);
        if (text == null && checked == null && field >= 0 && encoded.firstByte(field) == '"') {
            text = readTree(encoded.rawValue(field)).textValue();
        }
        if (text == null) {
            return;
        }
        int length = text.codePointCount(0, text.length());
        if (length <= OmetriaSchema.MAX_EVENT_TYPE_LENGTH) {
            return;
        }
        String cut = text.substring(0, text.offsetByCodePoints(0, OmetriaSchema.MAX_EVENT_TYPE_LENGTH));
        parsed.put("event_type", com.fasterxml.jackson.databind.node.TextNode.valueOf(cut));
        rewritten.add("event_type");
        truncated.add(safe(name + ": field 'event_type' value " + ValueFormats.quote(text) + " is " + length
                + " characters long; truncated to " + OmetriaSchema.MAX_EVENT_TYPE_LENGTH + " (\"" + cut
                + "\"), as Ometria truncates longer event types"));
    }

    private static void checkTopLevel(String fieldName, String raw, FieldSpec field, ObjectSpec spec,
            ObjectChecker checker, List<FieldProblem> problems, Map<String, JsonNode> parsed, Set<String> rewritten,
            java.util.function.Predicate<String> presentTopLevel) {
        boolean required = ObjectChecker.isRequired(spec, fieldName);
        JsonNode value;
        try {
            value = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            problems.add(new FieldProblem(fieldName, "is not valid JSON", required, null));
            return;
        }
        if (value == null || value.isNull()) {
            if (required && !ObjectChecker.otherwiseSatisfied(spec, fieldName,
                    other -> presentTopLevel.test(other))) {
                problems.add(new FieldProblem(fieldName, "is null; a " + spec.name() + " requires it", true, null));
            }
            return;
        }
        JsonNode kept = checker.checkValue(value, field, fieldName, required || spec.neverDropped(fieldName), null);
        parsed.put(fieldName, kept);
        if (kept != value) {
            rewritten.add(fieldName);
        }
    }

    /** Top-level required groups, other than the id (which lives in the key and is checked first). */
    private static void checkRequiredGroups(EncodedRecord record, ObjectSpec spec, List<FieldProblem> problems) {
        for (Set<String> group : spec.required()) {
            if (group.contains(OmetriaSchema.ID)) {
                continue;
            }
            // A required field present as null was reported as null, unless another member of its group has a value.
            boolean present = group.stream().anyMatch(member -> record.indexOf(member) >= 0);
            if (!present) {
                problems.add(new FieldProblem(ObjectChecker.first(spec, group), ObjectChecker.missing(spec, group), true, null));
            }
        }
    }

    private static OmetriaRecord withoutInvalidFields(OmetriaRecord record, List<FieldProblem> problems,
            Map<String, JsonNode> parsed, Set<String> rewrittenInPlace) {
        Map<String, String> fields = new LinkedHashMap<>(record.fields());
        Set<String> rewritten = new LinkedHashSet<>(rewrittenInPlace);
        for (FieldProblem problem : problems) {
            if (problem.drop() == null) {
                fields.remove(problem.path());
            } else {
                problem.drop().run();
                rewritten.add(problem.topLevelField());
            }
        }
        for (String fieldName : rewritten) {
            if (fields.containsKey(fieldName)) {
                fields.put(fieldName, write(parsed.get(fieldName)));
            }
        }
        return new OmetriaRecord(record.key(), record.isFull(), fields);
    }

    private static String write(JsonNode value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String largestField(OmetriaRecord record) {
        EncodedRecord encoded = RecordAccess.encoded(record);
        int largest = -1;
        for (int i = 0; i < encoded.fieldCount(); i++) {
            if (largest < 0 || encoded.valueLength(i) > encoded.valueLength(largest)) {
                largest = i;
            }
        }
        return largest < 0 ? "" : "; the largest field is '" + encoded.name(largest) + "' (" + encoded.valueLength(largest)
                + " bytes)";
    }

    /** Whether a top-level field is there with a value other than null. */
    private static boolean present(EncodedRecord record, String fieldName) {
        int field = record.indexOf(fieldName);
        return field >= 0 && !record.isNull(field);
    }

    /** A string value with escapes, which passed its check: read it whole. */
    private static JsonNode readTree(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    private static String more(List<FieldProblem> problems, FieldProblem shown) {
        List<String> others = problems.stream().filter(problem -> problem != shown)
                .map(problem -> "'" + problem.path() + "'").distinct().toList();
        return others.isEmpty() ? "" : " (also invalid: " + String.join(", ", others) + ")";
    }

    private ValidationResult rejected(OmetriaRecord record, String reason) {
        return new ValidationResult.Rejected(record.key(), safe(reason));
    }

    /**
     * How records are named in messages: {@code order ORD-1}, {@code contact C-7 in collection webshop};
     * an empty id or one with whitespace is quoted so that the problem is visible.
     *
     * @param key the record's key
     * @return the name, with e-mail addresses masked
     */
    public static String nameOf(RecordKey key) {
        String id = key.id();
        String shownId = id.isEmpty() || ValueFormats.hasWhitespace(id) ? "'" + id + "'" : id;
        String collection = key.collection() == null ? "" : " in collection " + key.collection();
        return safe(key.type().jsonName() + " " + shownId + collection);
    }

    private static String safe(String text) {
        return EmailMasker.mask(text);
    }

    @Override
    public String toString() {
        return "RecordValidator[" + policy + "]";
    }
}
