package app.platform.security;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import org.springdoc.core.utils.SpringDocUtils;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import app.platform.ratelimit.RateLimitFilter;
import app.platform.web.ProblemResponseWriter;
import app.platform.web.ProblemTypes;

/**
 * The one security chain of the application. {@code /api/v1/**} is stateless: every route needs a valid RS256
 * access token except the {@link AnonymousRoute}s modules declare. Everything else (the web page, API documentation,
 * actuator, JWKS) is public here; the {@code aws} profile exposes only health. Errors are Problem Details.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration implements WebMvcConfigurer {

    SecurityConfiguration() {
        // The caller comes from the token, not from the request: keep it out of the OpenAPI parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder accessTokens, List<AnonymousRoute> anonymousRoutes,
            ProblemResponseWriter problems, SecuritySettings settings, RateLimitFilter rateLimits) throws Exception {
        ProblemAuthenticationHandlers handlers = new ProblemAuthenticationHandlers(problems);
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .cors(configurer -> configurer.configurationSource(cors(settings)))
                .headers(headers -> headers
                        .frameOptions(frames -> frames.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'")))
                .authorizeHttpRequests(requests -> {
                    for (AnonymousRoute route : anonymousRoutes) {
                        requests.requestMatchers(route.method(), route.pattern()).permitAll();
                    }
                    requests.requestMatchers(HttpMethod.OPTIONS, "/api/v1/**").permitAll()
                            .requestMatchers("/api/v1/**").authenticated()
                            .anyRequest().permitAll();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(accessTokens))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .addFilterAfter(rateLimits, BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /** Requests the firewall refuses (encoded slashes, control characters...) are the client's fault: 400. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemResponseWriter problems) {
        return (request, response, rejected) -> problems.write(request, response, ProblemResponseWriter.problem(
                HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                "The request's URL, parameters or headers contain characters that are not allowed."));
    }

    @Bean
    JwtDecoder accessTokenDecoder(SecuritySettings settings, ObjectProvider<JWKSource<SecurityContext>> storedKeys,
            Clock clock) {
        return new VerifiedTokenCache(verifyingDecoder(settings, storedKeys), clock);
    }

    private static JwtDecoder verifyingDecoder(SecuritySettings settings,
            ObjectProvider<JWKSource<SecurityContext>> storedKeys) {
        if (settings.jwt().issuerUri() != null) {
            return AccessTokenDecoders.fromIssuer(settings.jwt());
        }
        JWKSource<SecurityContext> keys = storedKeys.getIfAvailable();
        if (keys == null) {
            throw new IllegalStateException("No access token keys: set app.security.jwt.issuer-uri to an OpenID "
                    + "provider, or deploy the users module, which stores and publishes the signing keys");
        }
        return AccessTokenDecoders.fromKeys(keys, settings.jwt());
    }

    private static CorsConfigurationSource cors(SecuritySettings settings) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!settings.corsAllowedOrigins().isEmpty()) {
            CorsConfiguration api = new CorsConfiguration();
            api.setAllowedOrigins(settings.corsAllowedOrigins());
            api.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            api.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-None-Match", "X-Request-Id",
                    "Last-Event-ID"));
            api.setExposedHeaders(List.of("Location", "ETag", "Retry-After", "RateLimit", "RateLimit-Policy",
                    "X-Request-Id"));
            api.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/v1/**", api);
        }
        return source;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserArgumentResolver());
    }
}
