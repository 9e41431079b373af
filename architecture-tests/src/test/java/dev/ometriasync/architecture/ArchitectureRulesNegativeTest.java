package dev.ometriasync.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.ometriasync.hibernate.badfixture.HibernateClassUsingPublicApi;
import dev.ometriasync.hibernate.badfixture.HibernateClassUsingRuntimeInternals;
import dev.ometriasync.processor.badfixture.ProcessorClassUsingRuntime;
import dev.ometriasync.runtime.badfixture.PublicApiReturningInternalType;
import dev.ometriasync.spi.badfixture.ApiClassUsingRuntime;
import dev.ometriasync.testkit.badfixture.SimulatorClassUsingRuntime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ArchitectureRules} fails on a class that breaks it on purpose (the fixtures in the
 * {@code badfixture} packages of this module's tests), naming that class, and passes on one that keeps it: a
 * rule that could not fail would prove nothing in {@link ArchitectureTest}.
 */
class ArchitectureRulesNegativeTest {

    private static final JavaClasses GOOD = new ClassFileImporter().importClasses(HibernateClassUsingPublicApi.class);

    @Test
    void internalPackageUsedFromAnotherModuleFails() {
        JavaClasses bad = new ClassFileImporter().importClasses(HibernateClassUsingRuntimeInternals.class);
        List<EvaluationResult> results = ArchitectureRules.internalStaysInItsModule().stream()
                .map(rule -> rule.evaluate(bad)).toList();

        assertThat(results).anySatisfy(result -> {
            assertThat(result.hasViolation()).isTrue();
            assertThat(result.getFailureReport().toString())
                    .contains(HibernateClassUsingRuntimeInternals.class.getName())
                    .contains("dev.ometriasync.runtime.internal.client.ApiKey");
        });
        for (ArchRule rule : ArchitectureRules.internalStaysInItsModule()) {
            assertThat(rule.evaluate(GOOD).hasViolation()).as(rule.getDescription()).isFalse();
        }
    }

    @Test
    void hibernateUsingRuntimeInternalsFails() {
        assertFailsOn(ArchitectureRules.hibernateUsesPublicApi(), HibernateClassUsingRuntimeInternals.class);
        assertThat(ArchitectureRules.hibernateUsesPublicApi().evaluate(GOOD).hasViolation()).isFalse();
    }

    @Test
    void apiUsingRuntimeFails() {
        assertFailsOn(ArchitectureRules.apiDependsOnJacksonCoreOnly(), ApiClassUsingRuntime.class);
    }

    @Test
    void processorUsingRuntimeFails() {
        assertFailsOn(ArchitectureRules.processorNeverUsesRuntime(), ProcessorClassUsingRuntime.class);
    }

    @Test
    void simulatorUsingRuntimeFails() {
        assertFailsOn(ArchitectureRules.testkitIsIndependent(), SimulatorClassUsingRuntime.class);
    }

    @Test
    void publicMethodReturningInternalTypeFails() {
        assertFailsOn(ArchitectureRules.publicMethodsReturnApiTypes(), PublicApiReturningInternalType.class);
        assertThat(ArchitectureRules.publicMethodsReturnApiTypes()
                .evaluate(new ClassFileImporter().importClasses(HibernateClassUsingPublicApi.class)).hasViolation())
                .isFalse();
    }

    private static void assertFailsOn(ArchRule rule, Class<?> fixture) {
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(fixture));
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(result.getFailureReport().toString()).contains(fixture.getName());
    }
}
