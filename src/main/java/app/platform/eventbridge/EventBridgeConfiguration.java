package app.platform.eventbridge;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;
import org.springframework.transaction.PlatformTransactionManager;

import app.platform.events.PublicationProgress;
import app.platform.tracing.EventTraces;
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
    EventBridgeEntries eventBridgeEntries(JsonMapper json, EventBridgeSettings settings, Clock clock,
            EventTraces traces) {
        return new EventBridgeEntries(json, settings.busName(), clock,
                event -> traces.of(event).flatMap(XRayTraceHeader::of));
    }

    @Bean
    ExternalizedEventSizeGuard externalizedEventSizeGuard(EventBridgeEntries entries) {
        return new ExternalizedEventSizeGuard(entries);
    }

    @Bean
    ExternalizedEventTypes externalizedEventTypes() {
        return new ExternalizedEventTypes("app");
    }

    @Bean
    ListenerCompletion listenerCompletion(PublicationProgress progress, IncompleteEventPublications incomplete) {
        return new ListenerCompletion(progress, incomplete);
    }

    @Bean
    InboundEvents inboundEvents(ExternalizedEventTypes types, JsonMapper json, InboundReceipts receipts,
            ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
            EventBridgeSettings settings, ListenerCompletion completion, InboundEventSettings inbound,
            MeterRegistry meters, Clock clock) {
        return new InboundEvents(types, json, receipts, events, transactionManager, localSources(settings),
                completion, inbound, meters, clock);
    }

    /** The sources of the modules that run here: their events were delivered in-process and are not taken in. */
    static Set<String> localSources(EventBridgeSettings settings) {
        return settings.localModules().stream().map(module -> "app." + module).collect(Collectors.toUnmodifiableSet());
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
        PutEventsBatcher putEventsBatcher(EventBridgeClient client, EventBridgeSettings settings,
                MeterRegistry meters) {
            return new PutEventsBatcher(client, settings, meters);
        }

        @Bean
        DelegatingEventExternalizer eventBridgeExternalizer(EventExternalizationConfiguration configuration,
                PutEventsBatcher batcher, EventBridgeEntries entries) {
            return new DelegatingEventExternalizer(configuration,
                    (target, payload) -> batcher.submit(entries.entryFor(target.getTarget(), payload)));
        }
    }
}
