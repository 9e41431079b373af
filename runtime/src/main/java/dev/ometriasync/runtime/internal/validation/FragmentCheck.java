package dev.ometriasync.runtime.internal.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ometriasync.runtime.internal.record.EncodedRecord;
import dev.ometriasync.schema.FieldSpec;
import dev.ometriasync.schema.ObjectSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The quick answer to "is there anything to say about this field?", read from the field's bytes in the
 * record: a scalar by its first byte (and a string decoded without a parser when it has a format), a nested
 * value by streaming over that field's bytes alone, building no tree. It answers yes only when
 * {@link ObjectChecker} would find no problem, no field outside the catalogue and nothing to rewrite; any
 * doubt answers no, and the validator then parses the field and checks it in full, with the messages.
 */
final class FragmentCheck {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private FragmentCheck() {
    }

    /**
     * Whether a non-header field of a record certainly passes its check with nothing to report.
     *
     * @param record the record
     * @param field the field's index
     * @param spec the field in the catalogue
     * @return true when the full check can be skipped
     */
    static boolean passes(EncodedRecord record, int field, FieldSpec spec) {
        if (!record.wellFormed()) {
            return false; // raw text from a caller: it may not even be JSON
        }
        byte first = record.firstByte(field);
        return switch (spec.type()) {
            case STRING -> first == '"' && formatPasses(spec, record.simpleString(field));
            case TIMESTAMP -> first == '"' && passes(ValueFormats::timestamp, record.simpleString(field));
            case DATE -> first == '"' && passes(ValueFormats::date, record.simpleString(field));
            case NUMBER -> first == '-' || (first >= '0' && first <= '9');
            case BOOLEAN -> first == 't' || first == 'f';
            case FREE_OBJECT -> first == '{';
            case STRING_ARRAY -> first == '[' && streamed(record, field, spec);
            case OBJECT -> first == '{' && streamed(record, field, spec);
            case OBJECT_ARRAY -> first == '[' && streamed(record, field, spec);
        };
    }

    private static boolean formatPasses(FieldSpec spec, String text) {
        return text != null && ValueFormats.check(spec.format(), text) == null;
    }

    private static boolean passes(java.util.function.Function<String, String> rule, String text) {
        return text != null && rule.apply(text) == null;
    }

    private static boolean streamed(EncodedRecord record, int field, FieldSpec spec) {
        try (JsonParser parser = JSON.createParser(record.bytes(), record.valueStart(field), record.valueLength(field))) {
            parser.nextToken();
            return value(parser, spec);
        } catch (IOException e) {
            return false;
        }
    }

    /** The parser is on the value's first token; leaves it on the value's last. */
    private static boolean value(JsonParser parser, FieldSpec spec) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (spec.type()) {
            case STRING -> token == JsonToken.VALUE_STRING && ValueFormats.check(spec.format(), parser.getText()) == null;
            case TIMESTAMP -> token == JsonToken.VALUE_STRING && ValueFormats.timestamp(parser.getText()) == null;
            case DATE -> token == JsonToken.VALUE_STRING && ValueFormats.date(parser.getText()) == null;
            case NUMBER -> token != null && token.isNumeric();
            case BOOLEAN -> token != null && token.isBoolean();
            case FREE_OBJECT -> {
                if (token != JsonToken.START_OBJECT) {
                    yield false;
                }
                parser.skipChildren();
                yield true;
            }
            case STRING_ARRAY -> stringArray(parser, spec);
            case OBJECT -> token == JsonToken.START_OBJECT && object(parser, spec.nested());
            case OBJECT_ARRAY -> objectArray(parser, spec.nested());
        };
    }

    private static boolean stringArray(JsonParser parser, FieldSpec spec) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            return false;
        }
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            // A number among ids would be rewritten as a string: that is for the full check.
            if (token != JsonToken.VALUE_STRING || ValueFormats.check(spec.format(), parser.getText()) != null) {
                return false;
            }
        }
        return true;
    }

    private static boolean objectArray(JsonParser parser, ObjectSpec element) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            return false;
        }
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT || !object(parser, element)) {
                return false;
            }
        }
        return true;
    }

    /** Each field known and passing, no required field null, every required group present. */
    private static boolean object(JsonParser parser, ObjectSpec spec) throws IOException {
        List<String> present = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            Optional<FieldSpec> field = spec.field(name);
            if (field.isEmpty()) {
                return false; // outside the catalogue: the full check warns about it
            }
            if (token == JsonToken.VALUE_NULL) {
                if (ObjectChecker.isRequired(spec, name)) {
                    return false;
                }
                continue;
            }
            if (!value(parser, field.get())) {
                return false;
            }
            present.add(name);
        }
        for (Set<String> group : spec.required()) {
            if (group.stream().noneMatch(present::contains)) {
                return false;
            }
        }
        return true;
    }
}
