package app.platform.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Dev services start the local SMTP server only when no mail server is configured, and stop it with the context. */
class DevMailServerTests {

    /** Other endpoints configured, so that only the mail server is in question. */
    private static final Map<String, Object> OTHER_ENDPOINTS = Map.of(
            "app.dynamodb.endpoint", "http://127.0.0.1:1",
            "spring.data.redis.host", "127.0.0.1");

    @Test
    void withoutAMailHostALocalServerStartsAndStopsWithTheContext() {
        RecordingApplication application = new RecordingApplication();
        StandardEnvironment environment = environment(Map.of());

        new DevServicesEnvironmentPostProcessor().postProcessEnvironment(environment, application);

        assertThat(environment.getProperty("spring.mail.host")).isEqualTo("127.0.0.1");
        int port = environment.getProperty("spring.mail.port", Integer.class);
        DevMailServer server;
        try (GenericApplicationContext context = contextOf(application)) {
            server = context.getBean(DevMailServer.class);
            assertThat(server.port()).isEqualTo(port);
            assertThat(server.isRunning()).isTrue();
        }
        assertThat(server.isRunning()).isFalse();
    }

    @Test
    void aConfiguredMailHostIsUsedAsItIs() {
        RecordingApplication application = new RecordingApplication();
        StandardEnvironment environment = environment(Map.of("spring.mail.host", "smtp.example.com"));

        new DevServicesEnvironmentPostProcessor().postProcessEnvironment(environment, application);

        assertThat(environment.getProperty("spring.mail.host")).isEqualTo("smtp.example.com");
        assertThat(environment.getProperty("spring.mail.port")).isNull();
        assertThat(application.added).isEmpty();
    }

    @Test
    void noLocalServerStartsWhenDevServicesAreOff() {
        RecordingApplication application = new RecordingApplication();
        StandardEnvironment environment = environment(Map.of("app.dev-services.enabled", "false"));

        new DevServicesEnvironmentPostProcessor().postProcessEnvironment(environment, application);

        assertThat(environment.getProperty("spring.mail.host")).isNull();
        assertThat(application.added).isEmpty();
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        environment.getPropertySources().addLast(new MapPropertySource("endpoints", OTHER_ENDPOINTS));
        return environment;
    }

    /** Keeps the initializers dev services add, to apply them to a bare context. */
    private static final class RecordingApplication extends SpringApplication {

        private final List<ApplicationContextInitializer<?>> added = new ArrayList<>();

        @Override
        public void addInitializers(ApplicationContextInitializer<?>... initializers) {
            added.addAll(List.of(initializers));
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static GenericApplicationContext contextOf(RecordingApplication application) {
        GenericApplicationContext context = new GenericApplicationContext();
        for (ApplicationContextInitializer initializer : application.added) {
            initializer.initialize((ConfigurableApplicationContext) context);
        }
        context.refresh();
        return context;
    }
}
