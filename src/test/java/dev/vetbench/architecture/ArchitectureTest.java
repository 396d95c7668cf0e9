package dev.vetbench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of STYLE.md, kept true by the build. */
class ArchitectureTest {

    private static final String ROOT = "dev.vetbench";
    private static final String[] ENGINE = {
        ROOT + ".docker..", ROOT + ".tls..", ROOT + ".checks..", ROOT + ".assessment..", ROOT + ".report..",
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    }

    @Test
    void engineNeverImportsJavaFx() {
        ArchRule rule = noClasses().that().resideInAnyPackage(ENGINE)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.kordamp..");
        rule.check(classes);
    }

    @Test
    void engineNeverImportsTheFrontEnds() {
        ArchRule rule = noClasses().that().resideInAnyPackage(ENGINE)
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".ui..", ROOT + ".cli..", ROOT + ".app..");
        rule.check(classes);
    }

    @Test
    void commandLineNeverImportsTheWindow() {
        noClasses().that().resideInAPackage(ROOT + ".cli..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".ui..", "javafx..")
            .check(classes);
    }

    @Test
    void windowNeverImportsTheCommandLine() {
        noClasses().that().resideInAPackage(ROOT + ".ui..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".cli..", "picocli..")
            .check(classes);
    }

    @Test
    void dockerJavaTypesStayInsideTheDockerPackage() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".docker..")
            .should().dependOnClassesThat().resideInAnyPackage("com.github.dockerjava..")
            .check(classes);
    }

    @Test
    void bouncyCastleStaysInsideTlsAndReport() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".tls..", ROOT + ".report..")
            .should().dependOnClassesThat().resideInAnyPackage("org.bouncycastle..")
            .check(classes);
    }
}
