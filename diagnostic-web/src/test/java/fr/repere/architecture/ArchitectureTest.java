package fr.repere.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The one architecture (docs/architecture.md, « Where does a new feature go »), over the classes of
 * every module (core, rules, the CAF adapter, web): use cases and SQL live in core, web is a thin
 * boundary, wiring happens in {@code fr.repere.web.platform}. A violation fails the build.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // core's test fixtures, outside the reactor
                .importPackages("fr.repere");
    }

    @Test
    void webReachesInfrastructureOnlyThroughCdiWiring() {
        ArchRule rule = noClasses().that().resideInAPackage("fr.repere.web..")
                .and().resideOutsideOfPackage("fr.repere.web.platform..")
                .should().dependOnClassesThat().resideInAPackage("fr.repere.infrastructure..")
                .because("web injects core's services and ports; their implementations are wired by CDI");
        rule.check(classes);
    }

    @Test
    void noEntityManagerInWeb() {
        noClasses().that().resideInAPackage("fr.repere.web..")
                .should().dependOnClassesThat().areAssignableTo(EntityManager.class)
                .because("persistence is core's infrastructure").check(classes);
    }

    @Test
    void queriesAreWrittenInInfrastructureOnly() {
        for (String method : new String[] {"createNativeQuery", "createQuery"}) {
            noClasses().that().resideOutsideOfPackage("fr.repere.infrastructure..")
                    .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                            com.tngtech.archunit.core.domain.properties.HasName.Predicates.name(method))
                            .and(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                            com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(EntityManager.class)))))
                    .because("every SQL and JPQL string lives in fr.repere.infrastructure").check(classes);
        }
    }

    @Test
    void coreKnowsNothingOfHttp() {
        noClasses().that().resideInAPackage("fr.repere..")
                .and().resideOutsideOfPackage("fr.repere.web..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.servlet..", "fr.repere.web..")
                .check(classes);
    }

    /**
     * No new cycle between packages. Two older ones are recorded in {@code archunit_store} and may
     * only shrink: diagnostic ↔ directory (a diagnostic's needs are worded in the national
     * directory vocabulary, while matching places reads orientations) and questionnaire ↔ scoring
     * (an answer option may cap a level). Breaking them means moving those types, a change of its own.
     */
    @Test
    void packagesHaveNoCycles() {
        FreezingArchRule.freeze(slices().matching("fr.repere.(*)..").should().beFreeOfCycles()).check(classes);
        slices().matching("fr.repere.web.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void namesTellTheDomainNotALayer() {
        noClasses().that().resideInAPackage("fr.repere..")
                .should().haveSimpleNameEndingWith("Manager").orShould().haveSimpleNameEndingWith("Util")
                .orShould().haveSimpleNameEndingWith("Utils").orShould().haveSimpleNameEndingWith("Helper")
                .check(classes);
    }
}
