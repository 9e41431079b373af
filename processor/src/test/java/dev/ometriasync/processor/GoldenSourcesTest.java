package dev.ometriasync.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated sources of a representative set of entities, compared with the golden files in
 * {@code src/test/resources/expected/} as syntax trees. Run with {@code -Dometria.regenerateGolden=true}
 * to rewrite the golden files after an intended change, then review the diff.
 */
class GoldenSourcesTest {

    private static final List<String> INPUTS = List.of("Customer", "Order", "OrderLine", "Catalog", "Address", "Size",
            "WishlistAdded");

    private static final List<String> GENERATED = List.of("CustomerOmetriaSerializer", "OrderOmetriaSerializer",
            "OrderLineOmetriaSerializer", "Catalog$ProductOmetriaSerializer", "AddressOmetriaSerializer",
            "SizeOmetriaSerializer", "WishlistAddedOmetriaSerializer");

    private static final boolean REGENERATE = Boolean.getBoolean("ometria.regenerateGolden");

    private static Compilation compileInputs() {
        JavaFileObject[] sources = INPUTS.stream()
                .map(name -> JavaFileObjects.forResource("golden/shop/" + name + ".java"))
                .toArray(JavaFileObject[]::new);
        return ProcessorHarness.compile(sources);
    }

    @Test
    void generatedSourcesMatchTheGoldenFiles() throws IOException {
        Compilation compilation = compileInputs();
        assertThat(compilation).succeededWithoutWarnings();
        List<String> generated = compilation.generatedSourceFiles().stream()
                .map(file -> Path.of(file.getName()).getFileName().toString().replace(".java", ""))
                .sorted().collect(Collectors.toList());
        assertThat(generated).containsExactlyElementsIn(GENERATED);
        for (String name : GENERATED) {
            String qualified = "shop." + name;
            if (REGENERATE) {
                String content = ProcessorHarness.content(compilation.generatedSourceFile(qualified).orElseThrow());
                Path target = Path.of(System.getProperty("basedir", "."), "src/test/resources/expected/shop", name + ".java");
                Files.writeString(target, content, StandardCharsets.UTF_8);
                continue;
            }
            assertThat(compilation).generatedSourceFile(qualified)
                    .hasSourceEquivalentTo(JavaFileObjects.forResource("expected/shop/" + name + ".java"));
        }
        assertWithMessage("golden files were regenerated; review and commit them, then run without the switch")
                .that(REGENERATE).isFalse();
    }

    @Test
    void outputIsDeterministic() {
        Compilation first = compileInputs();
        Compilation second = compileInputs();
        for (String name : GENERATED) {
            String qualified = "shop." + name;
            String content = ProcessorHarness.content(first.generatedSourceFile(qualified).orElseThrow());
            assertThat(ProcessorHarness.content(second.generatedSourceFile(qualified).orElseThrow())).isEqualTo(content);
            assertThat(content).contains("@Generated(\"dev.ometriasync.processor.OmetriaProcessor\")");
        }
    }
}
