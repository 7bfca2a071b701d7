package app.platform.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * What a Lambda function accepts and how it answers, from the configuration it starts with (its profiles' files, as
 * {@link LambdaApplication} loads them), compared with the long-running application's.
 */
class LambdaApplicationTests {

    /** The source of every event of the application's catalog. */
    private static final List<String> CATALOGUED_SOURCES = new ExternalizedEventTypes("app").all().values().stream()
            .filter(LambdaApplicationTests::isApplicationClass)
            .map(EventBridgeEntries::sourceOf)
            .distinct().toList();

    private final ApplicationContextRunner settings = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(Settings.class);

    @Test
    void aFunctionAcceptsEveryCataloguedEventAndAnswersOnceItsListenersHaveCompleted() {
        settings.withPropertyValues("spring.profiles.active=" + String.join(",", LambdaApplication.PROFILES))
                .run(context -> {
                    Set<String> local = EventBridgeConfiguration.localSources(
                            context.getBean(EventBridgeSettings.class));
                    InboundEventSettings inbound = context.getBean(InboundEventSettings.class);

                    assertThat(CATALOGUED_SOURCES).isNotEmpty().noneMatch(local::contains);
                    assertThat(inbound.awaitListeners()).isTrue();
                    assertThat(inbound.maxWait()).isLessThanOrEqualTo(Duration.ofMinutes(15));
                });
    }

    @Test
    void aFunctionOfAnExtractedModuleIgnoresThatModulesOwnEvents() {
        settings.withPropertyValues("spring.profiles.active=" + String.join(",", LambdaApplication.PROFILES),
                "app.eventbridge.local-modules=users")
                .run(context -> assertThat(EventBridgeConfiguration.localSources(
                        context.getBean(EventBridgeSettings.class))).containsExactly("app.users"));
    }

    @Test
    void theLongRunningApplicationDeliveredItsModulesEventsInProcessAndDoesNotWait() {
        settings.run(context -> {
            Set<String> local = EventBridgeConfiguration.localSources(context.getBean(EventBridgeSettings.class));

            assertThat(CATALOGUED_SOURCES).filteredOn(source -> !source.equals("app.platform"))
                    .isNotEmpty().allMatch(local::contains);
            assertThat(context.getBean(InboundEventSettings.class).awaitListeners()).isFalse();
        });
    }

    /** Classes of the application itself, not of its tests. */
    private static boolean isApplicationClass(Class<?> type) {
        return !type.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ EventBridgeSettings.class, InboundEventSettings.class })
    static class Settings {
    }
}
