package app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Optional;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The architecture rules that Spring Modulith cannot express, written for any root package so that they can be
 * proven against deliberately broken fixtures as well as applied to the application.
 *
 * <p>Under the root, every direct sub-package is a business module except {@code platform}, the shared
 * infrastructure. A module may use another module only through (a) the event records in that module's root package
 * and (b) the interfaces of its declared API ({@code <module>.api}); it never injects another module's classes.
 */
final class ArchitectureRules {

    private static final String PLATFORM = "platform";

    private final String root;

    ArchitectureRules(String root) {
        this.root = root;
    }

    ArchRule platformDependsOnNoBusinessModule() {
        return noClasses().that().resideInAPackage(root + "." + PLATFORM + "..")
                .should().dependOnClassesThat(inABusinessModule())
                .as("platform depends on no business module");
    }

    ArchRule modulesUseOtherModulesOnlyThroughEventsAndDeclaredApis() {
        return classes().that(inABusinessModule())
                .should(new ArchCondition<JavaClass>("use other modules only through their events and declared API") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass();
                            Optional<String> targetModule = businessModuleOf(target);
                            if (targetModule.isPresent() && !targetModule.equals(businessModuleOf(origin))
                                    && !isEventOrApi(target, targetModule.get())) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    ArchRule noModuleInjectsAnotherModulesClasses() {
        return classes().that(inABusinessModule())
                .should(new ArchCondition<JavaClass>("inject from other modules only interfaces of their API") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        origin.getConstructors().forEach(constructor -> check(origin, constructor, events));
                        origin.getFields().stream()
                                .filter(field -> field.isAnnotatedWith("org.springframework.beans.factory.annotation.Autowired"))
                                .forEach(field -> checkInjected(origin, field.getRawType(), field.getFullName(), events));
                    }

                    private void check(JavaClass origin, JavaCodeUnit constructor, ConditionEvents events) {
                        constructor.getRawParameterTypes().forEach(
                                type -> checkInjected(origin, type, constructor.getFullName(), events));
                    }

                    private void checkInjected(JavaClass origin, JavaClass type, String where, ConditionEvents events) {
                        Optional<String> module = businessModuleOf(type);
                        if (module.isPresent() && !module.equals(businessModuleOf(origin))
                                && !(type.isInterface() && type.getPackageName().equals(apiPackage(module.get())))) {
                            events.add(SimpleConditionEvent.violated(origin,
                                    where + " injects " + type.getName() + " of module " + module.get()));
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    ArchRule externalizedEventsAreRecords() {
        return classes().that().areAnnotatedWith("org.springframework.modulith.events.Externalized")
                .should().beRecords()
                .allowEmptyShould(true)
                .as("events that leave the process are immutable records");
    }

    ArchRule listenedToEventsAreRecords() {
        return methods().that().areAnnotatedWith("org.springframework.modulith.events.ApplicationModuleListener")
                .or().areAnnotatedWith("org.springframework.context.event.EventListener")
                .and().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .should(new ArchCondition<>("take an event record of the application") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaMethod method, ConditionEvents events) {
                        method.getRawParameterTypes().stream()
                                .filter(type -> type.getPackageName().startsWith(root + "."))
                                .filter(type -> !type.isRecord())
                                .forEach(type -> events.add(SimpleConditionEvent.violated(method,
                                        method.getFullName() + " listens to " + type.getName() + ", not a record")));
                    }
                })
                .allowEmptyShould(true);
    }

    ArchRule controllersAreNotPublic() {
        return classes().that(inABusinessModule())
                .and().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .allowEmptyShould(true)
                .as("controllers of business modules are package-private");
    }

    ArchRule repositoriesAreNotPublic() {
        return classes().that(inABusinessModule())
                .and().areAssignableTo("app.platform.dynamodb.DynamoRepository")
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .allowEmptyShould(true)
                .as("repositories of business modules are package-private");
    }

    /**
     * The application makes no virtual threads of its own: a virtual thread that loads a class pins its carrier, and
     * with the executable jar's class loader that can deadlock every carrier (ADR 0017). Request handling, listeners
     * and scheduled work run on bounded pools of platform threads that Spring Boot configures.
     */
    ArchRule noVirtualThreads() {
        return noClasses().that().resideInAPackage(root + "..")
                .should().callMethod(Thread.class, "ofVirtual")
                .orShould().callMethod(Thread.class, "startVirtualThread", Runnable.class)
                .orShould().callMethod(java.util.concurrent.Executors.class, "newVirtualThreadPerTaskExecutor")
                .as("the application starts no virtual threads");
    }

    private DescribedPredicate<JavaClass> inABusinessModule() {
        return DescribedPredicate.describe("reside in a business module", type -> businessModuleOf(type).isPresent());
    }

    private Optional<String> businessModuleOf(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(root + ".")) {
            return Optional.empty();
        }
        String module = name.substring(root.length() + 1).split("\\.")[0];
        return module.equals(PLATFORM) ? Optional.empty() : Optional.of(module);
    }

    private boolean isEventOrApi(JavaClass target, String module) {
        boolean event = target.isRecord() && target.getPackageName().equals(root + "." + module);
        boolean api = target.getPackageName().equals(apiPackage(module));
        return event || api;
    }

    private String apiPackage(String module) {
        return root + "." + module + ".api";
    }
}
