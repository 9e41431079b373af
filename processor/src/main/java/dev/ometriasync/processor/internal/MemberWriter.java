package dev.ometriasync.processor.internal;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the private methods of a generated class that write one output node each, and the statements
 * that read and write one value. Null handling: a full record omits a null value; a partial record
 * writes JSON {@code null} for it (the method's {@code writeNull} parameter). Nested writers (line items,
 * addresses, variant options) are only ever written whole, so their methods have no such parameter.
 */
final class MemberWriter {

    static final ClassName JSON_GENERATOR = ClassName.get("com.fasterxml.jackson.core", "JsonGenerator");
    static final ClassName VALUES = ClassName.get("dev.ometriasync.spi", "OmetriaValues");
    static final String GENERATOR = "generator";
    static final String WRITE_NULL = "writeNull";

    private final ClassName entity;
    private final String entityVariable;
    private final ClassConstants constants;

    private final boolean partialRecords;

    /**
     * @param partialRecords whether the class also writes partial records, whose node methods then take
     *     {@code writeNull}; false for nested writers
     */
    MemberWriter(ClassName entity, String entityVariable, ClassConstants constants, boolean partialRecords) {
        this.entity = entity;
        this.entityVariable = entityVariable;
        this.constants = constants;
        this.partialRecords = partialRecords;
    }

    /**
     * A method writing one node; in a record serializer it takes {@code writeNull} unless it is a primitive
     * leaf, which is never null.
     */
    MethodSpec nodeMethod(String name, OutputNode node) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE)
                .addParameter(entity, entityVariable)
                .addParameter(JSON_GENERATOR, GENERATOR)
                .addException(IOException.class);
        if (takesWriteNull(node)) {
            method.addParameter(boolean.class, WRITE_NULL);
        }
        NameAllocator locals = locals();
        if (node instanceof OutputNode.Leaf leaf) {
            method.addCode(leaf(leaf.value(), constants.serialized(leaf.jsonName()), locals, partialRecords));
        } else {
            method.addCode(group((OutputNode.Group) node, locals));
        }
        return method.build();
    }

    boolean takesWriteNull(OutputNode node) {
        return partialRecords && (node instanceof OutputNode.Group || nullable(node));
    }

    /** Whether a node may be absent: a primitive leaf, or a group holding one, is always written. */
    static boolean nullable(OutputNode node) {
        if (node instanceof OutputNode.Leaf leaf) {
            return !leaf.value().primitive();
        }
        for (OutputNode child : ((OutputNode.Group) node).children()) {
            if (!nullable(child)) {
                return false;
            }
        }
        return true;
    }

    NameAllocator locals() {
        NameAllocator locals = new NameAllocator();
        locals.newName(entityVariable, "param:entity");
        locals.newName(GENERATOR, "param:generator");
        locals.newName(WRITE_NULL, "param:writeNull");
        return locals;
    }

    /**
     * Reads and writes one value under a name constant.
     *
     * @param writeNullParameter true to write JSON null when the method's {@code writeNull} is set; false
     *     to always omit a null value
     */
    CodeBlock leaf(MappedValue value, String nameConstant, NameAllocator locals, boolean writeNullParameter) {
        CodeBlock.Builder code = CodeBlock.builder();
        String local = read(value, locals, code);
        if (value.primitive()) {
            code.addStatement("$N.writeFieldName($N)", GENERATOR, nameConstant);
            code.add(writeValue(value, local, locals));
            return code.build();
        }
        code.beginControlFlow("if ($N != null)", local)
                .addStatement("$N.writeFieldName($N)", GENERATOR, nameConstant)
                .add(writeValue(value, local, locals));
        if (writeNullParameter) {
            code.nextControlFlow("else if ($N)", WRITE_NULL)
                    .addStatement("$N.writeFieldName($N)", GENERATOR, nameConstant)
                    .addStatement("$N.writeNull()", GENERATOR);
        }
        return code.endControlFlow().build();
    }

    private CodeBlock group(OutputNode.Group group, NameAllocator locals) {
        CodeBlock.Builder code = CodeBlock.builder();
        List<String> reads = new ArrayList<>();
        List<CodeBlock> writes = new ArrayList<>();
        collect(group, locals, code, reads, writes);
        if (nullable(group)) {
            CodeBlock allNull = reads.stream().map(local -> CodeBlock.of("$N == null", local))
                    .collect(CodeBlock.joining(" && "));
            CodeBlock condition = partialRecords ? CodeBlock.of("!$N && $L", WRITE_NULL, allNull) : allNull;
            code.beginControlFlow("if ($L)", condition)
                    .addStatement("return")
                    .endControlFlow();
        }
        writes.forEach(code::add);
        return code.build();
    }

    /** Reads every leaf of a group first (to know whether it is empty), and collects the write statements. */
    private void collect(OutputNode.Group group, NameAllocator locals, CodeBlock.Builder reads, List<String> readLocals,
                         List<CodeBlock> writes) {
        writes.add(CodeBlock.builder()
                .addStatement("$N.writeFieldName($N)", GENERATOR, constants.serialized(group.jsonName()))
                .addStatement("$N.writeStartObject()", GENERATOR)
                .build());
        for (OutputNode child : group.children()) {
            if (child instanceof OutputNode.Group nested) {
                collect(nested, locals, reads, readLocals, writes);
                continue;
            }
            MappedValue value = ((OutputNode.Leaf) child).value();
            String local = read(value, locals, reads);
            readLocals.add(local);
            String name = constants.serialized(value.jsonName());
            CodeBlock.Builder write = CodeBlock.builder();
            if (value.primitive()) {
                write.addStatement("$N.writeFieldName($N)", GENERATOR, name).add(writeValue(value, local, locals));
            } else {
                write.beginControlFlow("if ($N != null)", local)
                        .addStatement("$N.writeFieldName($N)", GENERATOR, name)
                        .add(writeValue(value, local, locals));
                if (partialRecords) {
                    write.nextControlFlow("else if ($N)", WRITE_NULL)
                            .addStatement("$N.writeFieldName($N)", GENERATOR, name)
                            .addStatement("$N.writeNull()", GENERATOR);
                }
                write.endControlFlow();
            }
            writes.add(write.build());
        }
        writes.add(CodeBlock.of("$N.writeEndObject();\n", GENERATOR));
    }

    /** Declares a local holding the value (converted first where conversion may yield null); returns its name. */
    String read(MappedValue value, NameAllocator locals, CodeBlock.Builder code) {
        String access = value.accessor().readFrom(entityVariable);
        switch (value.kind()) {
            case LOCALE_COUNTRY -> {
                // The local holds the country code read from the Locale, not the Locale.
                String countryCode = locals.newName("countryCode", new Object());
                code.addStatement("var $N = $T.country($L)", countryCode, VALUES, access);
                return countryCode;
            }
            case PRODUCT_ID -> {
                String product = locals.newName(value.property(), new Object());
                String productId = locals.newName(value.property() + "Id", new Object());
                code.addStatement("var $N = $L", product, access)
                        .addStatement("var $N = $N == null ? null : $N.id($N)", productId, product,
                                constants.delegate(value.delegate()), product);
                return productId;
            }
            default -> {
                String local = locals.newName(value.property(), new Object());
                code.addStatement("var $N = $L", local, access);
                return local;
            }
        }
    }

    /** Writes a non-null value that was read into {@code local}. */
    CodeBlock writeValue(MappedValue value, String local, NameAllocator locals) {
        return switch (value.kind()) {
            case STRING, LOCALE_COUNTRY, PRODUCT_ID -> CodeBlock.of("$N.writeString($N);\n", GENERATOR, local);
            case CHAR_SEQUENCE, TO_STRING -> CodeBlock.of("$N.writeString($N.toString());\n", GENERATOR, local);
            case ENUM -> CodeBlock.of("$N.writeString($L);\n", GENERATOR, enumString(value, local));
            case INTEGRAL_STRING -> CodeBlock.of("$N.writeString($T.valueOf($N));\n", GENERATOR, String.class, local);
            case CURRENCY_CODE -> CodeBlock.of("$N.writeString($N.getCurrencyCode());\n", GENERATOR, local);
            case LOCALE_TAG -> CodeBlock.of("$N.writeString($N.toLanguageTag());\n", GENERATOR, local);
            case TIMESTAMP -> CodeBlock.of("$N.writeString($T.timestamp($N));\n", GENERATOR, VALUES, local);
            case LOCAL_DATE_TIME -> CodeBlock.of("$N.writeString($T.timestamp($N, $N));\n", GENERATOR, VALUES, local,
                    constants.zone(value.zone()));
            case DATE -> CodeBlock.of("$N.writeString($T.date($N));\n", GENERATOR, VALUES, local);
            case INTEGRAL_NUMBER, BIG_INTEGER -> CodeBlock.of("$N.writeNumber($N);\n", GENERATOR, local);
            case FLOATING_NUMBER -> CodeBlock.of("$N.writeNumber($T.finite($N, $S));\n", GENERATOR, VALUES, local,
                    value.path());
            case BIG_DECIMAL -> CodeBlock.of("$N.writeNumber($T.plain($N));\n", GENERATOR, VALUES, local);
            case BOOLEAN -> CodeBlock.of("$N.writeBoolean($N);\n", GENERATOR, local);
            case STRING_ARRAY -> value.enumValues().isEmpty()
                    ? CodeBlock.of("$T.writeStringArray($N, $N);\n", VALUES, GENERATOR, local)
                    : mappedEnumArray(value, local, locals);
            case FREE_OBJECT -> CodeBlock.of("$T.writeFreeObject($N, $N, $S);\n", VALUES, GENERATOR, local,
                    value.path());
            case CUSTOMER -> CodeBlock.of("$N.writeCustomer($N, $N);\n", constants.delegate(value.delegate()), local,
                    GENERATOR);
            case NESTED_OBJECT -> CodeBlock.of("$N.write($N, $N);\n", constants.delegate(value.delegate()), local,
                    GENERATOR);
            case NESTED_ARRAY -> nestedArray(value, local, locals);
        };
    }

    /** An array of enum constants some of which have an {@code @OmetriaValue}; null elements are skipped. */
    private CodeBlock mappedEnumArray(MappedValue value, String local, NameAllocator locals) {
        String element = locals.newName("element", new Object());
        return CodeBlock.builder()
                .addStatement("$N.writeStartArray()", GENERATOR)
                .beginControlFlow("for (var $N : $N)", element, local)
                .beginControlFlow("if ($N != null)", element)
                .addStatement("$N.writeString($L)", GENERATOR, enumString(value, element))
                .endControlFlow()
                .endControlFlow()
                .addStatement("$N.writeEndArray()", GENERATOR)
                .build();
    }

    private CodeBlock nestedArray(MappedValue value, String local, NameAllocator locals) {
        String element = locals.newName("element", new Object());
        return CodeBlock.builder()
                .addStatement("$N.writeStartArray()", GENERATOR)
                .beginControlFlow("for (var $N : $N)", element, local)
                .beginControlFlow("if ($N != null)", element)
                .addStatement("$N.write($N, $N)", constants.delegate(value.delegate()), element, GENERATOR)
                .endControlFlow()
                .endControlFlow()
                .addStatement("$N.writeEndArray()", GENERATOR)
                .build();
    }

    /**
     * The string an enum constant is written as: its {@code name()}, or a switch over its constants when some
     * have an {@code @OmetriaValue} (no reflection at run time; a constant added without recompiling fails
     * loudly instead of writing a wrong value).
     */
    static CodeBlock enumString(MappedValue value, String local) {
        if (value.enumValues().isEmpty()) {
            return CodeBlock.of("$N.name()", local);
        }
        CodeBlock.Builder cases = CodeBlock.builder().add("switch ($N) {\n", local).indent();
        value.enumValues().forEach((constant, written) -> cases.add("case $L -> $S;\n", constant, written));
        return cases.unindent().add("}").build();
    }

    /** An expression turning a value of a string-like kind into its string, for {@code id(T)}. */
    static CodeBlock asString(MappedValue value, String local) {
        return switch (value.kind()) {
            case STRING -> CodeBlock.of("$N", local);
            case ENUM -> enumString(value, local);
            case INTEGRAL_STRING -> CodeBlock.of("$T.valueOf($N)", String.class, local);
            default -> CodeBlock.of("$N.toString()", local);
        };
    }
}
