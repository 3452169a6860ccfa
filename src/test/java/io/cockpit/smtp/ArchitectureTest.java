package io.cockpit.smtp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering README.md describes ("How it is built"), as executable rules that say why. */
@AnalyzeClasses(packages = "io.cockpit.smtp", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule coreIsHeadless = noClasses().that().resideInAPackage("..smtp.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "picocli..", "..smtp.ui..", "..smtp.cli..")
            .because("the CLI and the sender service run without a display");

    @ArchTest
    static final ArchRule jdbcOnlyInStoreAndRepositories = noClasses().that().resideOutsideOfPackage("..core.store..")
            .and().haveSimpleNameNotEndingWith("Repository")
            .should().dependOnClassesThat().resideInAPackage("java.sql..")
            .because("SQL stays in each feature's repository and in the store that opens the database, where it can be "
                    + "reviewed with the transaction around it");

    @ArchTest
    static final ArchRule coreHasNoCycles = slices().matching("io.cockpit.smtp.core.(*)..").should().beFreeOfCycles()
            .because("each feature of the core can be read, tested and changed on its own only if its dependencies run "
                    + "one way");

    @ArchTest
    static final ArchRule storeKnowsNoFeature = noClasses().that().resideInAPackage("..core.store..")
            .should().dependOnClassesThat().resideInAnyPackage("..core.gateway..", "..core.format..", "..core.template..",
                    "..core.mail..", "..core.outbox..", "..core.engine..", "..core.oauth..", "..core.history..",
                    "..core.transfer..", "..core.validation..")
            .because("the store is what every feature shares (opening the database, migrations, transactions, secret "
                    + "encryption); a store that knows a feature's records ties every feature to every other");

    @ArchTest
    static final ArchRule repositoriesAreNotCalledFromOutsideTheCore = noClasses().that().resideOutsideOfPackage("..smtp.core..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .because("screens and commands go through the services, which check and record what they save");

    @ArchTest
    static final ArchRule mailApiOnlyInMail = noClasses().that().resideOutsideOfPackage("..core.mail..")
            .should().dependOnClassesThat().resideInAPackage("jakarta.mail..")
            .because("timeouts, required STARTTLS and certificate checks are set in one place and cannot be bypassed");

    @ArchTest
    static final ArchRule viewModelsHaveNoNodes = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .or().haveSimpleName("FormModel").or().haveSimpleName("FieldProblems")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..")
            .because("view models are tested without the FX toolkit");

    @ArchTest
    static final ArchRule uiDoesNotUseCli = noClasses().that().resideInAPackage("..smtp.ui..")
            .should().dependOnClassesThat().resideInAPackage("..smtp.cli..")
            .because("screens and commands both call the core services, never each other");

    @ArchTest
    static final ArchRule cliDoesNotUseUi = noClasses().that().resideInAPackage("..smtp.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("..smtp.ui..", "javafx..")
            .because("a command runs on a machine without a display and must not load JavaFX");
}
