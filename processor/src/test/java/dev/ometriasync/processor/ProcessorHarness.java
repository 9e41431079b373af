package dev.ometriasync.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.ometriasync.processor.internal.OmetriaDiagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Compiles test sources with the processor and asserts diagnostics at an exact line and column. */
final class ProcessorHarness {

    /** The consumer's lint setting: every category except 'processing' (unclaimed JPA annotations). */
    static final String LINT = "-Xlint:all,-processing";

    private ProcessorHarness() {
    }

    static JavaFileObject source(String qualifiedName, String text) {
        return JavaFileObjects.forSourceString(qualifiedName, text);
    }

    static Compilation compile(JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new OmetriaProcessor()).withOptions(LINT).compile(sources);
    }

    static Compilation compileStrict(JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new OmetriaProcessor())
                .withOptions(LINT, "-Aometria.strict=true").compile(sources);
    }

    static Compilation compile(List<Processor> processors, JavaFileObject... sources) {
        return Compiler.javac().withProcessors(processors).withOptions(LINT).compile(sources);
    }

    /**
     * Asserts that the diagnostic was reported with the given severity, message, in the file, on the only
     * line containing {@code marker}, at the column where {@code marker} starts: the exact annotation,
     * annotation value or element.
     */
    static void assertReported(Compilation compilation, Diagnostic.Kind kind, OmetriaDiagnostic diagnostic,
                               String message, JavaFileObject file, String marker) {
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
        long column = lines.get(line - 1).indexOf(marker) + 1;
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

    static void assertError(Compilation compilation, OmetriaDiagnostic diagnostic, String message,
                            JavaFileObject file, String marker) {
        assertThat(compilation).failed();
        assertReported(compilation, Diagnostic.Kind.ERROR, diagnostic, message, file, marker);
    }

    static String content(JavaFileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
