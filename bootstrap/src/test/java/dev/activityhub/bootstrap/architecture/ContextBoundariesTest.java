package dev.activityhub.bootstrap.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Bounded contexts stay apart in every layer: a domain context, an application context or an HTTP family
 * depends on no other one, except through the shared kernel named here. Anything a context truly shares is
 * listed below by name, so a new crossing is a decision made in this file, not an accident.
 */
class ContextBoundariesTest {
    private static final String DOMAIN = "dev.activityhub.domain";
    private static final String APPLICATION = "dev.activityhub.application";
    private static final String HTTP = "dev.activityhub.http";

    /**
     * The identity context's published language: who is calling (principal, key kind, permissions, scopes)
     * is how every context authorises, so these types are part of the shared kernel.
     */
    private static final Set<String> CALLER_IDENTITY = Set.of(DOMAIN + ".identity.Principal",
            DOMAIN + ".identity.Permission", DOMAIN + ".identity.Scopes", DOMAIN + ".identity.ApiKeyKind");

    /**
     * Named crossings beyond the kernel, per context.
     * <ul>
     * <li>domain.lead reads e-mail addresses with identity's {@code User.normalizeEmail} (one rule for every
     *     stored address); moving it to domain.shared touches Lead, left until the Lead refactoring lands.</li>
     * <li>application.actionitem issues and lists developer keys through identity's in-ports (with the
     *     {@code ApiKey} they return): the developer API is a client of identity's use cases.</li>
     * <li>http.actionitem authenticates developer keys and shows them (identity's in-ports and ApiKey);
     *     http.commerce authenticates tenant keys the same way.</li>
     * </ul>
     */
    private static final Map<String, List<String>> NAMED = Map.of(
            DOMAIN + ".lead", List.of(DOMAIN + ".identity.User"),
            APPLICATION + ".actionitem", List.of(APPLICATION + ".identity.port.in.", DOMAIN + ".identity.ApiKey"),
            HTTP + ".actionitem", List.of(APPLICATION + ".identity.port.in.", DOMAIN + ".identity.ApiKey"),
            HTTP + ".commerce", List.of(APPLICATION + ".identity.port.in."));

    private static final List<String> DOMAIN_CONTEXTS = List.of("identity", "lead", "actionitem", "commerce", "webhook");
    private static final List<String> APPLICATION_CONTEXTS =
            List.of("identity", "lead", "actionitem", "commerce", "webhook", "harness");
    /** The HTTP families; http.shared (server, errors, auth) and http.openapi (the served documents) are the kernel. */
    private static final List<String> HTTP_FAMILIES =
            List.of("lead", "commerce", "actionitem", "webhook", "admin", "harness", "web");
    private static final Set<String> HTTP_KERNEL = Set.of("shared", "openapi");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.activityhub");
    }

    @Test
    void domainContextsMeetOnlyInTheSharedKernel() {
        for (String context : DOMAIN_CONTEXTS) {
            noClasses().that().resideInAPackage(DOMAIN + "." + context + "..")
                    .should().dependOnClassesThat(inAnotherContext(DOMAIN + "." + context, DOMAIN, DOMAIN_CONTEXTS,
                            Set.of("shared")))
                    .check(classes);
        }
    }

    /** An application context uses its own domain context, the shared kernel, and nothing of another context. */
    @Test
    void applicationContextsMeetOnlyInTheSharedKernel() {
        for (String context : APPLICATION_CONTEXTS) {
            String own = APPLICATION + "." + context;
            noClasses().that().resideInAPackage(own + "..")
                    .should().dependOnClassesThat(inAnotherContext(own, APPLICATION, APPLICATION_CONTEXTS,
                            Set.of("shared")))
                    .check(classes);
            noClasses().that().resideInAPackage(own + "..")
                    .should().dependOnClassesThat(inAnotherContext(own, DOMAIN, DOMAIN_CONTEXTS, Set.of("shared"),
                            context))
                    .check(classes);
        }
    }

    @Test
    void httpFamiliesMeetOnlyInHttpSharedAndOpenApi() {
        for (String family : HTTP_FAMILIES) {
            noClasses().that().resideInAPackage(HTTP + "." + family + "..")
                    .should().dependOnClassesThat(inAnotherContext(HTTP + "." + family, HTTP, HTTP_FAMILIES,
                            HTTP_KERNEL))
                    .check(classes);
        }
    }

    /** Below the adapter, a family uses its own context's use cases and types (and the kernel) only. */
    @Test
    void httpFamiliesUseOnlyTheirOwnContextBelow() {
        Map<String, String> contextOf = Map.of("lead", "lead", "commerce", "commerce", "actionitem", "actionitem",
                "webhook", "webhook", "admin", "identity", "harness", "harness", "web", "web");
        for (String family : HTTP_FAMILIES) {
            String owner = HTTP + "." + family;
            String context = contextOf.get(family);
            noClasses().that().resideInAPackage(owner + "..")
                    .should().dependOnClassesThat(inAnotherContext(owner, APPLICATION, APPLICATION_CONTEXTS,
                            Set.of("shared"), context))
                    .check(classes);
            noClasses().that().resideInAPackage(owner + "..")
                    .should().dependOnClassesThat(inAnotherContext(owner, DOMAIN, DOMAIN_CONTEXTS, Set.of("shared"),
                            context))
                    .check(classes);
        }
    }

    private static DescribedPredicate<JavaClass> inAnotherContext(String owner, String layer, List<String> contexts,
                                                                  Set<String> kernel) {
        return inAnotherContext(owner, layer, contexts, kernel, owner.substring(owner.lastIndexOf('.') + 1));
    }

    /**
     * Classes of {@code layer}'s contexts other than {@code ownContext}, leaving out the kernel packages, the
     * caller-identity types and the crossings {@link #NAMED} for {@code owner}.
     */
    private static DescribedPredicate<JavaClass> inAnotherContext(String owner, String layer, List<String> contexts,
                                                                  Set<String> kernel, String ownContext) {
        List<String> named = NAMED.getOrDefault(owner, List.of());
        return DescribedPredicate.describe("belong to another context of " + layer + " than " + ownContext
                + " (kernel " + kernel + ", caller identity and " + named + " excepted)", type -> {
                    String name = type.getName();
                    if (!name.startsWith(layer + ".")) {
                        return false;
                    }
                    String context = name.substring(layer.length() + 1).split("\\.")[0];
                    if (context.equals(ownContext) || kernel.contains(context) || !contexts.contains(context)
                            && !name.substring(layer.length() + 1).contains(".")) {
                        return false;
                    }
                    String topLevel = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
                    return !CALLER_IDENTITY.contains(topLevel) && named.stream().noneMatch(
                            n -> n.endsWith(".") ? name.startsWith(n) : topLevel.equals(n));
                });
    }
}
