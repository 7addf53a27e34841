package com.chatgptconnector.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of docs/architecture.md, from the top: the HTTP boundary and the start-up; the
 * features; the outbound OpenAI client and the cipher; problem, persistence and JSON at the
 * bottom. Imports point down only, and no two packages depend on each other in a circle.
 */
@AnalyzeClasses(packages = "com.chatgptconnector", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    private static final String[] FEATURES = {
            "com.chatgptconnector.workspace..", "com.chatgptconnector.settings..", "com.chatgptconnector.block..",
            "com.chatgptconnector.usage..", "com.chatgptconnector.audit..", "com.chatgptconnector.identity..",
            "com.chatgptconnector.responses.."};

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInAnyPackage("com.chatgptconnector..")
            .layer("Boundary").definedBy("com.chatgptconnector.boundary..")
            .layer("Startup").definedBy("com.chatgptconnector.startup..")
            .layer("Features").definedBy(FEATURES)
            .layer("OpenAI client").definedBy("com.chatgptconnector.openai..")
            .layer("Crypto").definedBy("com.chatgptconnector.crypto..")
            .layer("Foundation").definedBy("com.chatgptconnector.problem..", "com.chatgptconnector.persistence..",
                    "com.chatgptconnector.json..", "com.chatgptconnector.metrics..")
            .whereLayer("Boundary").mayNotBeAccessedByAnyLayer()
            .whereLayer("Startup").mayNotBeAccessedByAnyLayer()
            .whereLayer("Features").mayOnlyBeAccessedByLayers("Boundary", "Startup")
            .whereLayer("OpenAI client").mayOnlyBeAccessedByLayers("Boundary", "Startup", "Features")
            .whereLayer("Crypto").mayOnlyBeAccessedByLayers("Boundary", "Startup", "Features")
            .whereLayer("Foundation").mayOnlyBeAccessedByLayers("Boundary", "Startup", "Features", "OpenAI client", "Crypto");

    /** Between the top-level packages: a feature may use another, never in a circle. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("com.chatgptconnector.(*)..").should().beFreeOfCycles();

    /** The same inside the boundary, between its feature groups. */
    @ArchTest
    static final ArchRule noBoundaryCycles = slices().matching("com.chatgptconnector.boundary.(*)..").should().beFreeOfCycles();

    /** HTTP is the boundary's business: below it, nothing knows JAX-RS. */
    @ArchTest
    static final ArchRule noJaxRsBelowTheBoundary = noClasses().that().resideOutsideOfPackage("com.chatgptconnector.boundary..")
            .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..");

    /** Each feature's rows are read and written by its repositories; services never hold a connection or an entity manager. */
    @ArchTest
    static final ArchRule dataAccessInRepositories = noClasses()
            .that().resideInAnyPackage(FEATURES).and().haveSimpleNameNotEndingWith("Repository")
            .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("javax.sql.DataSource")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("com.chatgptconnector.persistence.RowReader");
}
