package dev.ometriasync.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks {@link ArchitectureRules} against the production classes of every ometria-sync module. */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ometriasync");
    }

    @Test
    void everyModuleIsImported() {
        // A rule over no classes proves nothing: each module's root package must be there.
        for (String root : new String[] {"dev.ometriasync.annotation", "dev.ometriasync.schema", "dev.ometriasync.spi",
                "dev.ometriasync.runtime", "dev.ometriasync.processor", "dev.ometriasync.testkit", "dev.ometriasync.hibernate",
                "dev.ometriasync.spring.boot", "dev.ometriasync.sample", "dev.ometriasync.benchmarks"}) {
            assertThat(production.stream().anyMatch(c -> c.getPackageName().startsWith(root)))
                    .as("classes of %s imported", root).isTrue();
        }
        assertThat(production.stream().noneMatch(c -> c.getPackageName().startsWith("dev.ometriasync.architecture")))
                .as("the fixtures that break the rules on purpose are not production classes").isTrue();
    }

    @Test
    void internalPackagesAreUsedOnlyByTheirOwnModule() {
        for (ArchRule rule : ArchitectureRules.internalStaysInItsModule()) {
            rule.check(production);
        }
    }

    @Test
    void apiDependsOnJacksonCoreOnly() {
        ArchitectureRules.apiDependsOnJacksonCoreOnly().check(production);
    }

    @Test
    void processorNeverUsesRuntime() {
        ArchitectureRules.processorNeverUsesRuntime().check(production);
    }

    @Test
    void runtimeUsesOnlyApi() {
        ArchitectureRules.runtimeUsesOnlyApi().check(production);
    }

    @Test
    void hibernateUsesOnlyPublicApi() {
        ArchitectureRules.hibernateUsesPublicApi().check(production);
    }

    @Test
    void testkitIsIndependent() {
        ArchitectureRules.testkitIsIndependent().check(production);
    }

    @Test
    void publicMethodsReturnApiTypes() {
        ArchitectureRules.publicMethodsReturnApiTypes().check(production);
    }
}
