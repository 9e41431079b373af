package dev.ometriasync.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.palantir.javapoet.JavaFile;
import dev.ometriasync.spi.OmetriaSerializer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.eclipse.jdt.core.compiler.batch.BatchCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An entity module needs {@code ometria-sync-api} alone: a module whose class path holds only that artifact
 * (and jackson-core, its one dependency) and whose processor path holds the processor compiles, under javac and
 * under ECJ, and its generated serializer writes the record. The runtime is nowhere on that class path.
 */
class ApiOnlyClassPathTest {

    private static final String ENTITY = """
            package shop.apionly;

            import dev.ometriasync.annotation.OmetriaContact;
            import dev.ometriasync.annotation.OmetriaField;

            @OmetriaContact(collection = "webshop")
            public class Member {
                @OmetriaField("id") public Long id;
                @OmetriaField("email") public String email;
                @OmetriaField("firstname") public String firstName;
            }
            """;

    @TempDir
    Path work;

    @Test
    void javacCompilesAnEntityModuleAgainstTheApiAlone() throws Exception {
        Path out = prepare("javac");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();

        int status = javac.run(null, diagnostics, diagnostics,
                "--release", "17", "-Xlint:all,-processing", "-Werror",
                "-classpath", classPath(), "-processorpath", processorPath(),
                "-s", out.resolve("generated").toString(), "-d", out.resolve("classes").toString(),
                work.resolve("src/shop/apionly/Member.java").toString());

        assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();
        assertGeneratedSerializerWorks(out);
    }

    @Test
    void ecjCompilesAnEntityModuleAgainstTheApiAlone() throws Exception {
        Path out = prepare("ecj");
        StringWriter output = new StringWriter();
        StringWriter errors = new StringWriter();

        boolean ok = BatchCompiler.compile(new String[] {
                "-17", "-encoding", "UTF-8", "-proceedOnError", "-failOnWarning",
                "-classpath", classPath(), "-processorpath", processorPath(),
                "-s", out.resolve("generated").toString(), "-d", out.resolve("classes").toString(),
                work.resolve("src/shop/apionly/Member.java").toString()},
                new PrintWriter(output), new PrintWriter(errors), null);

        assertThat(ok).as(output + "\n" + errors).isTrue();
        assertGeneratedSerializerWorks(out);
    }

    @Test
    void theClassPathUnderTestHoldsNoRuntime() throws Exception {
        assertThat(classPath().split(File.pathSeparator)).hasSize(2)
                .noneMatch(entry -> entry.contains("runtime"))
                .anyMatch(entry -> entry.contains("api"))
                .anyMatch(entry -> entry.contains("jackson-core"));
    }

    private Path prepare(String compiler) throws IOException {
        Path source = work.resolve("src/shop/apionly/Member.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, ENTITY, StandardCharsets.UTF_8);
        Path out = work.resolve(compiler);
        Files.createDirectories(out.resolve("generated"));
        Files.createDirectories(out.resolve("classes"));
        return out;
    }

    /** The generated source names only the API's SPI, and the class it compiled to writes the contact. */
    private static void assertGeneratedSerializerWorks(Path out) throws Exception {
        Path generated = out.resolve("generated/shop/apionly/MemberOmetriaSerializer.java");
        assertThat(generated).exists();
        String source = Files.readString(generated);
        assertThat(source).contains("dev.ometriasync.spi.OmetriaSerializer").doesNotContain("dev.ometriasync.runtime");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.resolve("classes").toUri().toURL()},
                ApiOnlyClassPathTest.class.getClassLoader())) {
            Class<?> entityType = loader.loadClass("shop.apionly.Member");
            Object member = entityType.getConstructor().newInstance();
            entityType.getField("id").set(member, 7L);
            entityType.getField("email").set(member, "ada@example.com");
            entityType.getField("firstName").set(member, "Ada");
            @SuppressWarnings("unchecked")
            OmetriaSerializer<Object> serializer = (OmetriaSerializer<Object>) loader
                    .loadClass("shop.apionly.MemberOmetriaSerializer").getConstructor().newInstance();

            StringWriter json = new StringWriter();
            try (JsonGenerator generator = new JsonFactory().createGenerator(json)) {
                serializer.writeFull(member, generator);
            }
            assertThat(json.toString()).isEqualTo("{\"@type\":\"contact\",\"@collection\":\"webshop\",\"id\":\"7\","
                    + "\"email\":\"ada@example.com\",\"firstname\":\"Ada\"}");
        }
    }

    /** ometria-sync-api and its one dependency, jackson-core: nothing else. */
    private static String classPath() throws URISyntaxException {
        return String.join(File.pathSeparator, locationOf(OmetriaSerializer.class), locationOf(JsonGenerator.class));
    }

    /**
     * The processor and its one dependency, JavaPoet. The processor is found by its class file, not its class:
     * loading it would need its compile-only annotations (AutoService) here.
     */
    private static String processorPath() throws URISyntaxException {
        URL processor = ApiOnlyClassPathTest.class.getClassLoader()
                .getResource("dev/ometriasync/processor/OmetriaProcessor.class");
        assertThat(processor).as("the processor on the test class path").isNotNull();
        String text = processor.toString();
        String location = text.startsWith("jar:")
                ? Path.of(new URI(text.substring("jar:".length(), text.indexOf("!/")))).toString()
                : Path.of(processor.toURI()).getParent().getParent().getParent().getParent().toString();
        return String.join(File.pathSeparator, location, locationOf(JavaFile.class));
    }

    private static String locationOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
