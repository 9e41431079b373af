package dev.ometriasync.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The allowed and forbidden dependencies between ometria-sync's modules and packages. Each module has its own
 * root package, so a package says which module a class belongs to:
 *
 * <ul>
 *   <li>{@code ometria-sync-api}: {@code dev.ometriasync.annotation}, {@code .schema}, {@code .spi};</li>
 *   <li>{@code ometria-sync-runtime}: {@code dev.ometriasync.runtime};</li>
 *   <li>{@code ometria-sync-processor}: {@code dev.ometriasync.processor};</li>
 *   <li>{@code ometria-sync-testkit}: {@code dev.ometriasync.testkit};</li>
 *   <li>{@code ometria-sync-hibernate}: {@code dev.ometriasync.hibernate};</li>
 *   <li>{@code ometria-sync-spring-boot-starter}: {@code dev.ometriasync.spring.boot};</li>
 *   <li>the sample application and the benchmarks: {@code dev.ometriasync.sample}, {@code dev.ometriasync.benchmarks}.</li>
 * </ul>
 *
 * <p>The rules are checked against every module's production classes by {@link ArchitectureTest}, and against
 * classes that break them on purpose by {@link ArchitectureRulesNegativeTest}.
 */
final class ArchitectureRules {

    /** The benchmarks' packages: allowed to measure internals (see {@link #internalStaysInItsModule()}). */
    static final String BENCHMARKS = "dev.ometriasync.benchmarks..";

    static final String[] API = {"dev.ometriasync.annotation..", "dev.ometriasync.schema..", "dev.ometriasync.spi.."};

    /** Module root packages that have internal packages of their own. */
    static final List<String> MODULES_WITH_INTERNALS = List.of(
            "dev.ometriasync.runtime", "dev.ometriasync.processor", "dev.ometriasync.testkit", "dev.ometriasync.hibernate");

    private ArchitectureRules() {
    }

    /**
     * An internal package is used only by its own module: {@code dev.ometriasync.runtime.internal..} only from
     * {@code dev.ometriasync.runtime..}, and so on. The one exception is the benchmarks, which measure internal
     * stages on purpose (the record validator and the request body, table 1 of BENCHMARKS.md): they are
     * published to no one and change together with the internals they measure.
     */
    static List<ArchRule> internalStaysInItsModule() {
        return MODULES_WITH_INTERNALS.stream()
                .map(root -> noClasses()
                        .that().resideOutsideOfPackages(root + "..", BENCHMARKS)
                        .should().dependOnClassesThat().resideInAPackage(root + ".internal..")
                        .as("no class outside " + root + " uses " + root + ".internal")
                        .because("internal packages are not API: they change without notice")
                        .allowEmptyShould(true))
                .toList();
    }

    /** The API artifact uses the JDK, jackson-core and itself: nothing else of ours or anyone's. */
    static ArchRule apiDependsOnJacksonCoreOnly() {
        return classes().that().resideInAnyPackage(API)
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(API, "java..", "com.fasterxml.jackson.core.."))
                .as("ometria-sync-api depends only on the JDK, jackson-core and itself")
                .because("entity modules and the processor depend on it alone");
    }

    /** The processor reads the annotations and the schema catalogue, never the runtime. */
    static ArchRule processorNeverUsesRuntime() {
        return noClasses().that().resideInAPackage("dev.ometriasync.processor..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.ometriasync.runtime..", "dev.ometriasync.hibernate..", "dev.ometriasync.testkit..")
                .as("the processor uses only ometria-sync-api of ours")
                .because("its only ometria-sync dependency is ometria-sync-api");
    }

    /** The runtime knows nothing of the integrations, the processor or the simulator. */
    static ArchRule runtimeUsesOnlyApi() {
        return noClasses().that().resideInAPackage("dev.ometriasync.runtime..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.ometriasync.processor..", "dev.ometriasync.hibernate..", "dev.ometriasync.testkit..",
                        "dev.ometriasync.spring..")
                .as("the runtime uses only ometria-sync-api of ours");
    }

    /** The Hibernate integration uses the runtime's public API and the API artifact. */
    static ArchRule hibernateUsesPublicApi() {
        return noClasses().that().resideInAPackage("dev.ometriasync.hibernate..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.ometriasync.runtime.internal..", "dev.ometriasync.processor..", "dev.ometriasync.testkit..",
                        "dev.ometriasync.spring..")
                .as("the Hibernate integration uses only the runtime's public API and ometria-sync-api");
    }

    /** The simulator is Ometria's stand-in: it shares no code with the client it tests. */
    static ArchRule testkitIsIndependent() {
        return noClasses().that().resideInAPackage("dev.ometriasync.testkit..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.ometriasync.runtime..", "dev.ometriasync.hibernate..", "dev.ometriasync.processor..",
                        "dev.ometriasync.spring..")
                .as("the testkit depends on no other ometria-sync module")
                .because("a simulator that shared the client's code would share its mistakes");
    }

    /**
     * A public method of a public type outside internal packages returns a public API type: a user who calls
     * it must be able to name what it gets back without importing an internal package.
     */
    static ArchRule publicMethodsReturnApiTypes() {
        return methods().that().arePublic()
                .and().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
                .and().areDeclaredInClassesThat().resideInAPackage("dev.ometriasync..")
                .should().haveRawReturnType(notInternal())
                .as("public methods of public API types return no internal type");
    }

    private static DescribedPredicate<JavaClass> notInternal() {
        return DescribedPredicate.describe("a type outside internal packages",
                type -> !type.getPackageName().contains(".internal"));
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
