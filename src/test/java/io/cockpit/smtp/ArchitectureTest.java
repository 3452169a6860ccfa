package io.cockpit.smtp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of docs/design.md, as executable rules that say why. */
@AnalyzeClasses(packages = "io.cockpit.smtp", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule coreIsHeadless = noClasses().that().resideInAPackage("..smtp.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "picocli..", "..smtp.ui..", "..smtp.cli..")
            .because("the CLI and the sender service run without a display");

    @ArchTest
    static final ArchRule jdbcOnlyInStore = noClasses().that().resideOutsideOfPackage("..core.store..")
            .should().dependOnClassesThat().resideInAPackage("java.sql..")
            .because("every query, transaction and lock lives in one package that can be reviewed as a whole");

    @ArchTest
    static final ArchRule mailApiOnlyInMail = noClasses().that().resideOutsideOfPackage("..core.mail..")
            .should().dependOnClassesThat().resideInAPackage("jakarta.mail..")
            .because("timeouts, required STARTTLS and certificate checks are set in one place and cannot be bypassed");

    @ArchTest
    static final ArchRule viewModelsHaveNoNodes = noClasses().that().haveSimpleNameEndingWith("ViewModel")
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
