package dev.activityhub.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency rules of the hexagon, read as sentences. A rule that matches no class fails. */
class HexagonalArchitectureTest {
    private static final List<String> CONTEXTS = List.of("identity", "lead", "actionitem", "commerce", "webhook");
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.activityhub");
    }

    @Test
    void domainDependsOnTheJdkOnly() {
        // One named exception: Google's libphonenumber, a pure library (phone-number metadata and parsing, no
        // framework, no I/O) that validates and normalises the lead's phone numbers as a value-object rule.
        // Hiding it behind a port would only move a domain rule out of the domain.
        classes().that().resideInAPackage("dev.activityhub.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.activityhub.domain..", "java..",
                        "com.google.i18n.phonenumbers..")
                .check(classes);
        // ...and only where phone numbers are read.
        noClasses().that().resideInAPackage("dev.activityhub.domain..")
                .and().doNotHaveFullyQualifiedName("dev.activityhub.domain.lead.PhoneNumbers")
                .should().dependOnClassesThat().resideInAPackage("com.google.i18n.phonenumbers..")
                .check(classes);
    }

    @Test
    void applicationKnowsNoAdapterAndNoFramework() {
        classes().that().resideInAPackage("dev.activityhub.application..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.activityhub.application..", "dev.activityhub.domain..", "java..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.activityhub.application..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .check(classes);
    }

    @Test
    void adaptersDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("dev.activityhub.http..")
                .should().dependOnClassesThat().resideInAPackage("dev.activityhub.jdbc..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.activityhub.jdbc..")
                .should().dependOnClassesThat().resideInAPackage("dev.activityhub.http..")
                .check(classes);
    }

    @Test
    void onlyBootstrapKnowsTheWholeApplication() {
        noClasses().that().resideOutsideOfPackage("dev.activityhub.bootstrap..")
                .should().dependOnClassesThat().resideInAPackage("dev.activityhub.bootstrap..")
                .check(classes);
    }

    @Test
    void adaptersUseUseCasesThroughInPortsOnly() {
        noClasses().that().resideInAPackage("dev.activityhub.http..")
                .should().dependOnClassesThat().resideInAPackage("dev.activityhub.application..service..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.activityhub.jdbc..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.activityhub.application..service..",
                        "dev.activityhub.application..port.in..")
                .check(classes);
    }

    @Test
    void inPortsAndOutPortsDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("dev.activityhub.application..port.in..")
                .should().dependOnClassesThat().resideInAPackage("dev.activityhub.application..port.out..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.activityhub.application..port.out..")
                .should().dependOnClassesThat().resideInAPackage("dev.activityhub.application..port.in..")
                .check(classes);
    }

    /**
     * A context's services and persistence are its own: another context may use its domain types and
     * in-ports, never its {@code service} package or its JDBI classes.
     */
    @Test
    void contextsDoNotReachIntoEachOthersInternals() {
        for (String context : CONTEXTS) {
            String own = "dev.activityhub.application." + context + "..";
            ArchRule services = noClasses().that().resideOutsideOfPackages(own, "dev.activityhub.bootstrap..")
                    .should().dependOnClassesThat().resideInAPackage("dev.activityhub.application." + context + ".service..")
                    .allowEmptyShould(true);
            services.check(classes);
            ArchRule persistence = noClasses()
                    .that().resideOutsideOfPackages("dev.activityhub.jdbc." + context + "..", "dev.activityhub.bootstrap..")
                    .should().dependOnClassesThat().resideInAPackage("dev.activityhub.jdbc." + context + "..")
                    .allowEmptyShould(true);
            persistence.check(classes);
        }
    }
}
