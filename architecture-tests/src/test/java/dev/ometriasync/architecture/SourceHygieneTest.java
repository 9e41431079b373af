package dev.ometriasync.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the compiler does not check in the repository's sources: no import goes unused, and the Javadoc, comments
 * and README name only documents that are in the repository (a reader cannot follow a reference to a file that
 * is not there).
 */
class SourceHygieneTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+?)(\\.\\*)?\\s*;", Pattern.MULTILINE);

    private static final Pattern DOCUMENT = Pattern.compile("[A-Za-z0-9_./-]+\\.md\\b");

    @Test
    void noImportIsUnused() {
        List<String> unused = new ArrayList<>();
        List<Path> sources = javaSources();
        for (Path source : sources) {
            String text = read(source);
            Matcher imports = IMPORT.matcher(text);
            int end = 0;
            List<String[]> found = new ArrayList<>();
            while (imports.find()) {
                end = imports.end();
                if (imports.group(3) == null) {
                    String name = imports.group(2).substring(imports.group(2).lastIndexOf('.') + 1);
                    found.add(new String[] {name, imports.group()});
                }
            }
            String body = text.substring(end);
            for (String[] entry : found) {
                // A use in code or in Javadoc ({@link Type}) counts, as it does for Checkstyle's UnusedImports.
                if (!Pattern.compile("\\b" + Pattern.quote(entry[0]) + "\\b").matcher(body).find()) {
                    unused.add(ROOT.relativize(source) + ": " + entry[1]);
                }
            }
        }
        assertThat(sources).as("the sources found").hasSizeGreaterThan(300);
        assertThat(unused).isEmpty();
    }

    @Test
    void javadocCommentsAndReadmeNameOnlyDocumentsInTheRepository() {
        Set<String> documents = repositoryFiles().stream()
                .filter(path -> path.toString().endsWith(".md"))
                .map(path -> path.getFileName().toString())
                .collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        List<Path> texts = new ArrayList<>(javaSources());
        texts.add(ROOT.resolve("README.md"));
        try (Stream<Path> parts = Files.list(ROOT.resolve("docs/readme"))) {
            parts.filter(path -> path.toString().endsWith(".md")).forEach(texts::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path text : texts) {
            Matcher names = DOCUMENT.matcher(read(text));
            while (names.find()) {
                String name = names.group();
                String fileName = name.substring(name.lastIndexOf('/') + 1);
                if (!documents.contains(fileName)) {
                    missing.add(ROOT.relativize(text) + " names " + name);
                }
            }
        }
        assertThat(documents).contains("README.md", "BENCHMARKS.md");
        assertThat(missing).isEmpty();
    }

    private static List<Path> javaSources() {
        return repositoryFiles().stream()
                .filter(path -> path.toString().endsWith(".java"))
                .filter(path -> path.toString().contains("/src/main/java/") || path.toString().contains("/src/test/java/"))
                .toList();
    }

    private static List<Path> repositoryFiles() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile)
                    .filter(path -> {
                        String relative = ROOT.relativize(path).toString();
                        return !relative.startsWith(".git") && !relative.contains("/target/") && !relative.startsWith("target/")
                                && !relative.contains("node_modules");
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
