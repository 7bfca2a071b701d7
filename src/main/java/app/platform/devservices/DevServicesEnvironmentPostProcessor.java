package app.platform.devservices;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * Starts the local engines before the application context is built, when no external endpoint is configured, and
 * points the DynamoDB, Redis and mail clients at them.
 *
 * <p>Nothing starts in the {@code aws} profile, when {@code app.dev-services.enabled=false}, for DynamoDB when
 * {@code app.dynamodb.endpoint} (or {@code spring.cloud.aws.dynamodb.endpoint}) is set, for Redis when
 * {@code spring.data.redis.host}, {@code .port} or {@code .url} is set, and for mail when {@code spring.mail.host} is
 * set. The engines stop after every bean of the context has been destroyed, so a graceful shutdown can still use
 * them. The SMTP server runs inside this JVM, one per application context ({@link DevMailServer}), and is a bean
 * of the context, which the local {@code /dev/mails} page shows.
 */
public class DevServicesEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "devServices";
    private static final String DYNAMODB_ENDPOINT = "spring.cloud.aws.dynamodb.endpoint";

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> properties = new LinkedHashMap<>();
        String configuredEndpoint = environment.getProperty("app.dynamodb.endpoint");
        if (StringUtils.hasText(configuredEndpoint)) {
            properties.put(DYNAMODB_ENDPOINT, configuredEndpoint);
        }
        LocalEngines.Request request = requestFor(environment);
        if (request.dynamodb() || request.redis()) {
            LocalEngines.Lease lease = LocalEngines.acquire(request);
            properties.putAll(endpointProperties(lease.endpoints()));
            application.addInitializers(context -> ((DefaultListableBeanFactory) context.getBeanFactory())
                    .registerDisposableBean("localEngines", lease::release));
        }
        if (request.settings().enabled() && !environment.acceptsProfiles(Profiles.of("aws"))
                && !hasText(environment, "spring.mail.host")) {
            DevMailServer mail = DevMailServer.startOnFreePort();
            properties.put("spring.mail.host", mail.host());
            properties.put("spring.mail.port", mail.port());
            application.addInitializers(context -> {
                DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
                beans.registerSingleton("devMailServer", mail);
                beans.registerDisposableBean("devMailServer", mail);
            });
        }
        if (!properties.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
        }
    }

    private static LocalEngines.Request requestFor(ConfigurableEnvironment environment) {
        DevServicesSettings settings = Binder.get(environment)
                .bindOrCreate("app.dev-services", DevServicesSettings.class);
        boolean allowed = settings.enabled() && !environment.acceptsProfiles(Profiles.of("aws"));
        boolean dynamodb = allowed && !hasText(environment, "app.dynamodb.endpoint", DYNAMODB_ENDPOINT);
        boolean redis = allowed && !hasText(environment,
                "spring.data.redis.host", "spring.data.redis.port", "spring.data.redis.url");
        return new LocalEngines.Request(settings, dynamodb, redis);
    }

    private static Map<String, Object> endpointProperties(LocalEngines.Endpoints endpoints) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (endpoints.dynamodbPort() != null) {
            properties.put(DYNAMODB_ENDPOINT, "http://127.0.0.1:" + endpoints.dynamodbPort());
        }
        if (endpoints.redisPort() != null) {
            properties.put("spring.data.redis.host", "127.0.0.1");
            properties.put("spring.data.redis.port", endpoints.redisPort());
        }
        if (endpoints.redisUnavailable() != null) {
            properties.put("app.redis.unavailable-reason", endpoints.redisUnavailable());
        }
        return properties;
    }

    private static boolean hasText(ConfigurableEnvironment environment, String... keys) {
        for (String key : keys) {
            if (StringUtils.hasText(environment.getProperty(key))) {
                return true;
            }
        }
        return false;
    }
}
