package dev.ometriasync.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import dev.ometriasync.processor.internal.OmetriaDiagnostic;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;

/** Compiles test sources with the processor and asserts diagnostics at an exact line and column. */
final class ProcessorHarness {

    private ProcessorHarness() {
    }

    private static final Path SOURCES = Path.of(System.getProperty("basedir", "."), "target", "harness-sources");
    private static final AtomicInteger NEXT_FOLDER = new AtomicInteger();

    /**
     * A test source written to its own folder under {@code target/harness-sources}: Eclipse's compiler reads
     * sources from files (given compile-testing's in-memory sources it reports "File /test/Customer.java is
     * missing"), and both compilers then report diagnostics against the same path.
     */
    static JavaFileObject source(String qualifiedName, String text) {
        Path file = SOURCES.resolve("s" + NEXT_FOLDER.incrementAndGet())
                .resolve(qualifiedName.replace('.', '/') + ".java").toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SimpleJavaFileObject(file.toUri(), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }

            @Override
            public InputStream openInputStream() {
                return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    /** Compiles with javac only; diagnostic tests use {@link TestCompiler} to run under javac and ECJ. */
    static Compilation compile(JavaFileObject... sources) {
        return TestCompiler.JAVAC.compile(sources);
    }

    static Compilation compileStrict(JavaFileObject... sources) {
        return TestCompiler.JAVAC.compileStrict(sources);
    }

    static Compilation compile(List<Processor> processors, JavaFileObject... sources) {
        return TestCompiler.JAVAC.compile(processors, sources);
    }

    /**
     * Asserts that the diagnostic was reported with the given severity, message, in the file, on the only
     * line containing {@code marker}, at the column where {@code marker} starts: the exact annotation,
     * annotation value or element. The same under javac and ECJ.
     */
    static void assertReported(Compilation compilation, Diagnostic.Kind kind, OmetriaDiagnostic diagnostic,
                               String message, JavaFileObject file, String marker) {
        assertReported(compilation, kind, diagnostic, message, file, marker, marker);
    }

    /**
     * As {@link #assertReported(Compilation, Diagnostic.Kind, OmetriaDiagnostic, String, JavaFileObject, String)},
     * for a diagnostic that Eclipse's compiler places elsewhere: its Messager maps an element, annotation and
     * value to a source position differently (see the callers for each case).
     *
     * @param ecjMarker where ECJ's column is: in the line that holds {@code marker}, or else on its own only line
     */
    static void assertReported(Compilation compilation, Diagnostic.Kind kind, OmetriaDiagnostic diagnostic,
                               String message, JavaFileObject file, String marker, String ecjMarker) {
        String expected = "[" + diagnostic.tag() + "] " + message;
        String source = content(file);
        List<String> lines = source.lines().toList();
        int line = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                assertWithMessage("marker '%s' is on more than one line", marker).that(line).isEqualTo(-1);
                line = i + 1;
            }
        }
        assertWithMessage("marker '%s' not found in %s", marker, file.getName()).that(line).isGreaterThan(0);
        String columnMarker = TestCompiler.of(compilation) == TestCompiler.ECJ ? ecjMarker : marker;
        if (!lines.get(line - 1).contains(columnMarker)) {
            // ECJ reports on another line (an enum constant's diagnostic goes on the enum): the marker's only line.
            line = uniqueLine(lines, columnMarker);
        }
        int index = lines.get(line - 1).indexOf(columnMarker);
        long column = index + 1;
        if (kind == Diagnostic.Kind.ERROR) {
            assertThat(compilation).hadErrorContaining(expected).inFile(file).onLine(line).atColumn(column);
        } else {
            assertThat(compilation).hadWarningContaining(expected).inFile(file).onLine(line).atColumn(column);
        }
        long count = compilation.diagnostics().stream()
                .filter(d -> d.getMessage(Locale.ROOT).contains("[" + diagnostic.tag() + "]"))
                .count();
        assertWithMessage("diagnostic %s reported once", diagnostic.tag()).that(count).isEqualTo(1L);
    }

    private static int uniqueLine(List<String> lines, String marker) {
        int line = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                assertWithMessage("marker '%s' is on more than one line", marker).that(line).isEqualTo(-1);
                line = i + 1;
            }
        }
        assertWithMessage("marker '%s' not found", marker).that(line).isGreaterThan(0);
        return line;
    }

    static void assertError(Compilation compilation, OmetriaDiagnostic diagnostic, String message,
                            JavaFileObject file, String marker) {
        assertError(compilation, diagnostic, message, file, marker, marker);
    }

    /** An error that ECJ reports at {@code ecjMarker} on the same line; see {@link #assertReported}. */
    static void assertError(Compilation compilation, OmetriaDiagnostic diagnostic, String message,
                            JavaFileObject file, String marker, String ecjMarker) {
        assertThat(compilation).failed();
        assertReported(compilation, Diagnostic.Kind.ERROR, diagnostic, message, file, marker, ecjMarker);
    }

    static String content(JavaFileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
