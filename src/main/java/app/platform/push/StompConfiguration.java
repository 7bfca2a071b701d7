package app.platform.push;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

import app.platform.security.SecuritySettings;

/**
 * STOMP 1.2 over plain WebSocket at {@code /ws}: a simple in-memory broker per instance for {@code /topic} and
 * {@code /queue} (user destinations under {@code /user}), heart-beats both ways, authentication at {@code CONNECT}
 * and authorization of every {@code SUBSCRIBE}. Browsers may open it from the application's own origin and from the
 * origins allowed for CORS ({@code app.security.cors-allowed-origins}); any other {@code Origin} gets 403.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSocketMessageBroker
class StompConfiguration implements WebSocketMessageBrokerConfigurer {

    private final StompAuthentication authentication;
    private final StompAuthorization authorization;
    private final SecuritySettings security;
    private final StompSettings settings;
    private final TaskScheduler heartbeats;
    private final StompSubscriptions subscriptions;

    StompConfiguration(JwtDecoder accessTokens, List<TopicAccess> topics, Clock clock, SecuritySettings security,
            StompSettings settings, @Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler heartbeats,
            StompSubscriptions subscriptions) {
        this.authentication = new StompAuthentication(accessTokens, clock);
        this.authorization = new StompAuthorization(topics, clock);
        this.security = security;
        this.settings = settings;
        this.heartbeats = heartbeats;
        this.subscriptions = subscriptions;
    }

    /** Its own bean: it listens to session ends. The outbound channel is created by the broker configuration. */
    @Bean
    static StompSubscriptions stompSubscriptions(@Lazy @Qualifier("clientOutboundChannel") MessageChannel toClients,
            ApplicationEventPublisher events) {
        return new StompSubscriptions(toClients, events);
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws")
                .setHandshakeHandler(new TokenHandshakeHandler(authentication))
                .setAllowedOrigins(security.corsAllowedOrigins().toArray(String[]::new));
        registry.setErrorHandler(new StompErrors());
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        long every = settings.heartbeat().toMillis();
        registry.enableSimpleBroker("/topic", "/queue")
                .setHeartbeatValue(new long[] { every, every })
                .setTaskScheduler(heartbeats);
        registry.setUserDestinationPrefix("/user");
        // No @MessageMapping destinations: clients change state through the HTTP API.
        registry.setApplicationDestinationPrefixes("/app");
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(authentication, authorization, subscriptions);
    }
}
