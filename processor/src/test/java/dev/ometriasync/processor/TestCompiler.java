package dev.ometriasync.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/**
 * The compilers the processor must behave identically under: javac (Maven, Gradle, IntelliJ) and Eclipse's
 * compiler ECJ (Eclipse, VS Code's Java extension). Diagnostic tests run once per constant and make the same
 * assertions on the {@link Compilation} each returns.
 */
enum TestCompiler {
    /** The JDK's javac through compile-testing, with the consumer's lint setting. */
    JAVAC {
        @Override
        List<String> options() {
            // Every lint category except 'processing': javac warns that no processor claims JPA annotations.
            return List.of("-Xlint:all,-processing");
        }

        @Override
        JavaCompiler tool() {
            return ToolProvider.getSystemJavaCompiler();
        }

        @Override
        Compilation compile(List<Processor> processors, List<String> options, String classpath,
                            JavaFileObject... sources) {
            List<File> files = new ArrayList<>();
            for (String entry : classpath.split(File.pathSeparator)) {
                files.add(new File(entry));
            }
            return Compiler.javac().withProcessors(processors).withOptions(options).withClasspath(files)
                    .compile(sources);
        }
    },
    /**
     * Eclipse's batch compiler through javax.tools, as Eclipse and VS Code run processors. Not through
     * compile-testing's in-memory file manager: ECJ re-reads every generated source from its path, which an
     * in-memory file does not have ("Cannot read the source from /SOURCE_OUTPUT/…"). It writes to a folder
     * under {@code target/} instead, and the result is wrapped in the same {@link Compilation}.
     */
    ECJ {
        @Override
        List<String> options() {
            return List.of("-17", "-encoding", "UTF-8");
        }

        @Override
        JavaCompiler tool() {
            return new EclipseCompiler();
        }

        @Override
        Compilation compile(List<Processor> processors, List<String> options, String classpath,
                            JavaFileObject... sources) {
            Path output = OUTPUT.resolve("c" + NEXT_OUTPUT.incrementAndGet());
            Path generatedSources = output.resolve("SOURCE_OUTPUT");
            Path classes = output.resolve("CLASS_OUTPUT");
            try {
                Files.createDirectories(generatedSources);
                Files.createDirectories(classes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> arguments = new ArrayList<>(options);
            arguments.addAll(List.of("-s", generatedSources.toString(), "-d", classes.toString(),
                    "-classpath", classpath));
            EclipseCompiler ecj = new EclipseCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            boolean success;
            try (StandardJavaFileManager files = ecj.getStandardFileManager(diagnostics, Locale.ROOT,
                    StandardCharsets.UTF_8)) {
                JavaCompiler.CompilationTask task = ecj.getTask(null, files, diagnostics, arguments, null,
                        List.of(sources));
                task.setProcessors(processors);
                success = task.call();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<JavaFileObject> generated = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(output)) {
                walk.filter(Files::isRegularFile).sorted().forEach(file -> generated.add(fileObject(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Compiler compiler = Compiler.compiler(ecj).withProcessors(processors).withOptions(options);
            return compilation(compiler, List.of(sources), success, diagnostics.getDiagnostics(), generated);
        }
    };

    private static final Path OUTPUT = Path.of(System.getProperty("basedir", "."), "target", "ecj-output");
    private static final AtomicInteger NEXT_OUTPUT = new AtomicInteger();

    /** The options that identify this compiler's compilations (see {@link #of}). */
    abstract List<String> options();

    abstract JavaCompiler tool();

    abstract Compilation compile(List<Processor> processors, List<String> options, String classpath,
                                 JavaFileObject... sources);

    private static final String CLASS_PATH = System.getProperty("java.class.path");

    /** The compiler that produced a compilation, told apart by the options each constant passes. */
    static TestCompiler of(Compilation compilation) {
        for (TestCompiler compiler : values()) {
            if (compilation.compiler().options().containsAll(compiler.options())) {
                return compiler;
            }
        }
        throw new IllegalArgumentException("not compiled by a TestCompiler: " + compilation.compiler().options());
    }

    Compilation compile(JavaFileObject... sources) {
        return compile(List.of(new OmetriaProcessor()), options(), CLASS_PATH, sources);
    }

    Compilation compileStrict(JavaFileObject... sources) {
        return compile(List.of(new OmetriaProcessor()), with("-Aometria.strict=true"), CLASS_PATH, sources);
    }

    Compilation compile(List<Processor> processors, JavaFileObject... sources) {
        return compile(processors, options(), CLASS_PATH, sources);
    }

    /** Compiles with the processor against the test class path and the classes of another module. */
    Compilation compileAgainst(Path otherModuleClasses, JavaFileObject... sources) {
        return compile(List.of(new OmetriaProcessor()), options(),
                otherModuleClasses + File.pathSeparator + CLASS_PATH, sources);
    }

    /**
     * Compiles sources into a new class folder, as another module's build would, with or without the processor.
     *
     * @return the class folder
     */
    Path compileModule(boolean withProcessor, JavaFileObject... sources) {
        Path classes = OUTPUT.resolve("m" + NEXT_OUTPUT.incrementAndGet());
        try {
            Files.createDirectories(classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JavaCompiler compiler = tool();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> arguments = new ArrayList<>(this == ECJ ? options() : List.of());
        arguments.addAll(List.of("-d", classes.toString(), "-s", classes.toString(), "-classpath", CLASS_PATH));
        if (!withProcessor) {
            arguments.add("-proc:none");
        }
        boolean success;
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics, arguments, null,
                    List.of(sources));
            task.setProcessors(withProcessor ? List.of(new OmetriaProcessor()) : List.of());
            success = task.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!success) {
            throw new AssertionError("the other module did not compile: " + diagnostics.getDiagnostics());
        }
        return classes;
    }

    private List<String> with(String option) {
        List<String> options = new ArrayList<>(options());
        options.add(option);
        return options;
    }

    private static JavaFileObject fileObject(Path file) {
        URI uri = file.toAbsolutePath().toUri();
        JavaFileObject.Kind kind = file.toString().endsWith(".java") ? JavaFileObject.Kind.SOURCE
                : file.toString().endsWith(".class") ? JavaFileObject.Kind.CLASS : JavaFileObject.Kind.OTHER;
        return new SimpleJavaFileObject(uri, kind) {
            @Override
            public InputStream openInputStream() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) throws IOException {
                return Files.readString(file);
            }
        };
    }

    /**
     * compile-testing builds a {@link Compilation} only from its own run; its constructor is package-private,
     * so the ECJ result is wrapped through it reflectively to use the same assertions ({@code CompilationSubject}).
     */
    private static Compilation compilation(Compiler compiler, List<JavaFileObject> sources, boolean success,
                                           List<Diagnostic<? extends JavaFileObject>> diagnostics,
                                           List<JavaFileObject> generated) {
        try {
            Constructor<Compilation> constructor = Compilation.class.getDeclaredConstructor(Compiler.class,
                    Iterable.class, boolean.class, Iterable.class, Iterable.class);
            constructor.setAccessible(true);
            return constructor.newInstance(compiler, sources, success, diagnostics, generated);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("compile-testing's Compilation constructor changed", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
