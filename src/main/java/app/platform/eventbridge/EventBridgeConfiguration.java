package app.platform.eventbridge;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClientBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * EventBridge out: Spring Modulith's externalization sends every {@code @Externalized} event through the
 * {@link PutEventsBatcher}, as a publication of its own in the registry, so an event that is not yet accepted by
 * EventBridge survives a crash and is sent again.
 */
@Configuration(proxyBeanMethods = false)
class EventBridgeConfiguration {

    @Bean
    EventBridgeEntries eventBridgeEntries(JsonMapper json, EventBridgeSettings settings, Clock clock) {
        return new EventBridgeEntries(json, settings.busName(), clock);
    }

    @Bean
    ExternalizedEventSizeGuard externalizedEventSizeGuard(EventBridgeEntries entries) {
        return new ExternalizedEventSizeGuard(entries);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "app.eventbridge.enabled", havingValue = "true")
    static class Sending {

        @Bean(destroyMethod = "close")
        EventBridgeClient eventBridgeClient(EventBridgeSettings settings, AwsRegionProvider region,
                AwsCredentialsProvider credentials) {
            EventBridgeClientBuilder builder = EventBridgeClient.builder()
                    .region(region.getRegion())
                    .credentialsProvider(credentials);
            if (settings.endpoint() != null) {
                builder.endpointOverride(settings.endpoint());
            }
            return builder.build();
        }

        @Bean
        PutEventsBatcher putEventsBatcher(EventBridgeClient client, EventBridgeSettings settings) {
            return new PutEventsBatcher(client, settings);
        }

        @Bean
        DelegatingEventExternalizer eventBridgeExternalizer(EventExternalizationConfiguration configuration,
                PutEventsBatcher batcher, EventBridgeEntries entries) {
            return new DelegatingEventExternalizer(configuration,
                    (target, payload) -> batcher.submit(entries.entryFor(target.getTarget(), payload)));
        }
    }
}
