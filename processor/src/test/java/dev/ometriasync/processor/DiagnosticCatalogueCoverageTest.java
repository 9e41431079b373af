package dev.ometriasync.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.ometriasync.processor.internal.OmetriaDiagnostic;
import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fails when a diagnostic of the catalogue has no compile-testing test: every entry must be named by a
 * {@link Covers} test in one of the diagnostic test classes.
 */
class DiagnosticCatalogueCoverageTest {

    private static final List<Class<?>> DIAGNOSTIC_TESTS =
            List.of(MemberDiagnosticsTest.class, TypeDiagnosticsTest.class, RoundsAndFailuresTest.class,
                    NestingAcrossTypesTest.class, EnumMappingTest.class, CatalogueDiagnosticsTest.class);

    @Test
    void everyDiagnosticHasATest() {
        Set<OmetriaDiagnostic> covered = EnumSet.noneOf(OmetriaDiagnostic.class);
        for (Class<?> testClass : DIAGNOSTIC_TESTS) {
            for (Method method : testClass.getDeclaredMethods()) {
                Covers covers = method.getAnnotation(Covers.class);
                if (covers != null) {
                    assertWithMessage("%s covers %s but is not a @Test", method, covers.value())
                            .that(method.isAnnotationPresent(Test.class)).isTrue();
                    covered.add(covers.value());
                }
            }
        }
        Set<OmetriaDiagnostic> missing = EnumSet.complementOf(EnumSet.copyOf(covered));
        assertWithMessage("diagnostics without a compile-testing test").that(missing).isEmpty();
    }

    @Test
    void tagsAreUniqueAndStable() {
        Set<String> tags = new java.util.HashSet<>();
        for (OmetriaDiagnostic diagnostic : OmetriaDiagnostic.values()) {
            assertWithMessage("duplicate tag %s", diagnostic.tag()).that(tags.add(diagnostic.tag())).isTrue();
            assertWithMessage("tag of %s", diagnostic).that(diagnostic.tag()).matches("Ometria[A-Z][A-Za-z]+");
        }
    }
}
