package dev.ometriasync.processor.internal;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The {@code static final} fields of a generated class, allocated on first use with collision-free
 * names: every JSON name pre-encoded once as a {@code SerializedString}, the serializers of referenced
 * types, and zone ids.
 */
final class ClassConstants {

    static final ClassName SERIALIZED_STRING = ClassName.get("com.fasterxml.jackson.core.io", "SerializedString");

    private final NameAllocator names = new NameAllocator();
    private final Map<Object, String> allocated = new LinkedHashMap<>();
    private final List<FieldSpec> fields = new ArrayList<>();

    /** Reserves a name for a field the writer declares itself. */
    String reserve(String name) {
        return names.newName(name, "reserved:" + name);
    }

    /** The constant holding a JSON name or string value, created on first use. */
    String serialized(String text) {
        return serialized(text, constantName(text));
    }

    /** As {@link #serialized(String)} with a preferred constant name, for values such as the record type. */
    String serialized(String text, String preferredName) {
        return allocated.computeIfAbsent("json:" + text, key -> {
            String name = names.newName(preferredName, key);
            fields.add(constant(SERIALIZED_STRING, name, CodeBlock.of("new $T($S)", SERIALIZED_STRING, text)));
            return name;
        });
    }

    /** The constant holding the generated serializer of a referenced type. */
    String delegate(ClassName serializer) {
        return allocated.computeIfAbsent("delegate:" + serializer.reflectionName(), key -> {
            String referenced = serializer.simpleName()
                    .substring(0, serializer.simpleName().length() - SerializerNames.SUFFIX.length());
            String name = names.newName(constantName(referenced.replace('$', '_')) + "_SERIALIZER", key);
            fields.add(constant(serializer, name, CodeBlock.of("new $T()", serializer)));
            return name;
        });
    }

    /** The constant holding a zone id. */
    String zone(String zoneId) {
        return allocated.computeIfAbsent("zone:" + zoneId, key -> {
            String name = names.newName("ZONE_" + constantName(zoneId), key);
            fields.add(constant(ClassName.get(ZoneId.class), name, CodeBlock.of("$T.of($S)", ZoneId.class, zoneId)));
            return name;
        });
    }

    List<FieldSpec> fields() {
        return fields;
    }

    private static FieldSpec constant(TypeName type, String name, CodeBlock initializer) {
        return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(initializer)
                .build();
    }

    /** {@code timestamp_acquired} → {@code TIMESTAMP_ACQUIRED}, {@code OrderLine} → {@code ORDER_LINE}. */
    static String constantName(String text) {
        StringBuilder name = new StringBuilder();
        char previous = '_';
        for (char c : text.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                if (Character.isUpperCase(c) && Character.isLowerCase(previous)) {
                    name.append('_');
                }
                name.append(Character.toUpperCase(c));
            } else if (name.length() > 0 && name.charAt(name.length() - 1) != '_') {
                name.append('_');
            }
            previous = c;
        }
        while (name.length() > 0 && name.charAt(name.length() - 1) == '_') {
            name.setLength(name.length() - 1);
        }
        String result = name.toString().toUpperCase(Locale.ROOT);
        return result.isEmpty() || !Character.isJavaIdentifierStart(result.charAt(0)) ? "_" + result : result;
    }

    /** {@code timestamp_acquired} → {@code TimestampAcquired}, for method names. */
    static String camelName(String text) {
        StringBuilder name = new StringBuilder();
        boolean upper = true;
        for (char c : text.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return name.toString();
    }
}
