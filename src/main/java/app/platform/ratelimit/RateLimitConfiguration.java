package app.platform.ratelimit;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.micrometer.core.instrument.MeterRegistry;

import app.platform.web.ProblemResponseWriter;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitSettings.class)
class RateLimitConfiguration {

    @Bean
    RateLimiter rateLimiter(StringRedisTemplate redis, RateLimitSettings settings, Clock clock, MeterRegistry meters) {
        return new RateLimiter(redis, settings, clock, meters);
    }

    /** Not a servlet filter of its own: the security chain places it after authentication. */
    @Bean
    RateLimitFilter rateLimitFilter(RateLimiter limiter, RateLimitSettings settings, ObjectProvider<PlanLookup> plans,
            ProblemResponseWriter problems) {
        return new RateLimitFilter(limiter, settings, plans, problems);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilterOutsideTheSecurityChain(RateLimitFilter filter) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    RateLimitsHealthIndicator rateLimitsHealthIndicator(RateLimiter limiter) {
        return new RateLimitsHealthIndicator(limiter);
    }
}
