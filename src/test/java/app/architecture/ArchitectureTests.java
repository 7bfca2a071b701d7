package app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * The extractability rules of {@link ArchitectureRules}, applied to the application, and shown to catch each kind of
 * violation in the deliberately broken fixtures under {@code fixtures}.
 */
class ArchitectureTests {

    static final JavaClasses application = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app");

    static final ArchitectureRules rules = new ArchitectureRules("app");

    @Test
    void platformDependsOnNoBusinessModule() {
        rules.platformDependsOnNoBusinessModule().check(application);
    }

    @Test
    void modulesUseOtherModulesOnlyThroughEventsAndDeclaredApis() {
        rules.modulesUseOtherModulesOnlyThroughEventsAndDeclaredApis().check(application);
    }

    @Test
    void noModuleInjectsAnotherModulesClasses() {
        rules.noModuleInjectsAnotherModulesClasses().check(application);
    }

    @Test
    void eventsAreImmutableRecords() {
        rules.externalizedEventsAreRecords().check(application);
        rules.listenedToEventsAreRecords().check(application);
    }

    @Test
    void controllersAndRepositoriesAreNotPublic() {
        rules.controllersAreNotPublic().check(application);
        rules.repositoriesAreNotPublic().check(application);
    }

    @Test
    void theApplicationStartsNoVirtualThreads() {
        rules.noVirtualThreads().check(application);
    }

    /** Each rule fails on a fixture that breaks it, naming the offending type. */
    @Nested
    class OnBrokenFixtures {

        final JavaClasses fixtures = new ClassFileImporter().importPackages("fixtures");
        final ArchitectureRules fixtureRules = new ArchitectureRules("fixtures");

        @Test
        void platformDependingOnAModuleIsCaught() {
            assertViolation(fixtureRules.platformDependsOnNoBusinessModule(), "fixtures.platform.LeakyInfrastructure");
        }

        @Test
        void usingAnotherModulesInternalTypeIsCaught() {
            assertViolation(fixtureRules.modulesUseOtherModulesOnlyThroughEventsAndDeclaredApis(),
                    "fixtures.library.internal.LibraryStore");
        }

        @Test
        void injectingAnotherModulesBeanIsCaughtButItsApiInterfaceIsAllowed() {
            EvaluationResult result = fixtureRules.noModuleInjectsAnotherModulesClasses().evaluate(fixtures);
            assertThat(result.hasViolation()).isTrue();
            assertThat(result.getFailureReport().getDetails())
                    .anyMatch(line -> line.contains("injects fixtures.library.internal.LibraryStore"))
                    .noneMatch(line -> line.contains("injects fixtures.library.api.LibraryQueries"));
        }

        @Test
        void aMutableEventIsCaught() {
            assertViolation(fixtureRules.externalizedEventsAreRecords(), "fixtures.studio.MutableContentGenerated");
            assertViolation(fixtureRules.listenedToEventsAreRecords(), "fixtures.studio.MutableContentGenerated");
        }

        @Test
        void aPublicControllerIsCaught() {
            assertViolation(fixtureRules.controllersAreNotPublic(), "fixtures.studio.PublicStudioController");
        }

        @Test
        void aVirtualThreadIsCaught() {
            assertViolation(fixtureRules.noVirtualThreads(), "fixtures.platform.VirtualThreadWorkers");
        }

        private void assertViolation(ArchRule rule, String offender) {
            EvaluationResult result = rule.evaluate(fixtures);
            assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
            assertThat(String.join("\n", result.getFailureReport().getDetails())).contains(offender);
        }
    }
}
