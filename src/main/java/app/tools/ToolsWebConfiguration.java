package app.tools;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

import app.platform.security.AnonymousRoute;

/** ETags on the calculators' answers, so a client or CDN revalidates with {@code If-None-Match} and gets a 304. */
@Configuration(proxyBeanMethods = false)
class ToolsWebConfiguration {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> toolsEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/v1/tools/*");
        registration.setName("toolsEtags");
        return registration;
    }

    /** The calculators answer anyone, within the per-address rate limit. */
    @Bean
    AnonymousRoute anonymousCalculators() {
        return AnonymousRoute.any("/api/v1/tools/**");
    }
}
