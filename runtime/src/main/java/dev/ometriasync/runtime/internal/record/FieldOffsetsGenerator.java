package dev.ometriasync.runtime.internal.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Jackson's UTF-8 generator that also notes where each field of the outermost object starts: the
 * serializer writes the record once, and the offsets come out with the bytes, so nothing has to find them
 * again. Only {@code writeFieldName} is overridden; every byte is Jackson's own.
 */
final class FieldOffsetsGenerator extends UTF8JsonGenerator {

    /** Creates these generators; otherwise Jackson's default factory, so that the bytes are the same. */
    static final class Factory extends JsonFactory {
        private static final long serialVersionUID = 1L;

        /**
         * Jackson's {@code COMBINE_UNICODE_SURROGATES_IN_UTF8} (2.18 and later), looked up by name so that an older
         * Jackson still works: with it, a character outside the Basic Multilingual Plane (an emoji) in a string is
         * written as its four UTF-8 bytes rather than as two escaped UTF-16 units.
         */
        private static final int COMBINE_SURROGATES = combineSurrogatesMask();

        private final int extraFeatures;

        /**
         * @param rawSupplementaryCharacters true to write characters outside the Basic Multilingual Plane as UTF-8
         *        (as the text a serializer writes was always sent), false to escape them (as Jackson's UTF-8
         *        generator writes the record header)
         */
        Factory(boolean rawSupplementaryCharacters) {
            this.extraFeatures = rawSupplementaryCharacters ? COMBINE_SURROGATES : 0;
        }

        @Override
        protected JsonGenerator _createUTF8Generator(OutputStream out, IOContext context) {
            return new FieldOffsetsGenerator(context, _generatorFeatures | extraFeatures, _objectCodec, (ByteSink) out,
                    _quoteChar);
        }

        private static int combineSurrogatesMask() {
            for (JsonGenerator.Feature feature : JsonGenerator.Feature.values()) {
                if (feature.name().equals("COMBINE_UNICODE_SURROGATES_IN_UTF8")) {
                    return feature.getMask();
                }
            }
            return 0;
        }
    }

    /**
     * Receives what the generator flushes. A record under the generator's buffer size (8,000 bytes) arrives in
     * one write, into an array of exactly its size.
     */
    static final class ByteSink extends OutputStream {
        private static final byte[] NONE = new byte[0];

        private byte[] bytes = NONE;
        private int count;

        @Override
        public void write(int b) {
            ensure(1);
            bytes[count++] = (byte) b;
        }

        @Override
        public void write(byte[] source, int offset, int length) {
            ensure(length);
            System.arraycopy(source, offset, bytes, count, length);
            count += length;
        }

        private void ensure(int more) {
            if (count + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, count == 0 ? more : Math.max(count + more, 2 * bytes.length));
            }
        }

        int count() {
            return count;
        }

        /** The bytes written, trimmed to their length (no copy when they arrived in one write). */
        byte[] toByteArray() {
            return count == bytes.length ? bytes : Arrays.copyOf(bytes, count);
        }
    }

    private final ByteSink sink;
    private String[] names = new String[16];
    private int[] keyStarts = new int[16];
    private int[] valueStarts = new int[16];
    private int entries;

    private FieldOffsetsGenerator(IOContext context, int features, ObjectCodec codec, ByteSink sink, char quoteChar) {
        super(context, features, codec, sink, quoteChar);
        this.sink = sink;
    }

    @Override
    public void writeFieldName(String name) throws IOException {
        if (!atTopLevel()) {
            super.writeFieldName(name);
            return;
        }
        int before = position();
        super.writeFieldName(name);
        note(name, before);
    }

    @Override
    public void writeFieldName(SerializableString name) throws IOException {
        if (!atTopLevel()) {
            super.writeFieldName(name);
            return;
        }
        int before = position();
        super.writeFieldName(name);
        note(name.getValue(), before);
    }

    /** Whether a field name now belongs to the outermost object. */
    private boolean atTopLevel() {
        return _writeContext.inObject() && _writeContext.getParent().inRoot();
    }

    private int position() {
        return sink.count() + _outputTail;
    }

    private void note(String name, int before) {
        if (entries == names.length) {
            names = Arrays.copyOf(names, 2 * entries);
            keyStarts = Arrays.copyOf(keyStarts, 2 * entries);
            valueStarts = Arrays.copyOf(valueStarts, 2 * entries);
        }
        names[entries] = name;
        // The first name follows the opening brace; every later one a comma.
        keyStarts[entries] = entries == 0 ? before : before + 1;
        // Jackson writes the colon with the value, always right after the name (no pretty printer here).
        valueStarts[entries] = position() + 1;
        entries++;
    }

    int entries() {
        return entries;
    }

    /** The entries' names; the array is handed over, not copied (the generator is used once). */
    String[] names() {
        return names;
    }

    /** The entries' key offsets (handed over). */
    int[] keyStarts() {
        return keyStarts;
    }

    /** The entries' value offsets (handed over). */
    int[] valueStarts() {
        return valueStarts;
    }

    /** Where an entry's value ends: before the next entry's comma, or before the closing brace. */
    int valueEnd(int entry, int total) {
        return entry + 1 < entries ? keyStarts[entry + 1] - 1 : total - 1;
    }
}
