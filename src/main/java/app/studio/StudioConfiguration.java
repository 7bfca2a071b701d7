package app.studio;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StudioSettings.class)
class StudioConfiguration {

    /** The built-in generator is the default; the Spring AI adapter replaces it by configuration. */
    @Bean
    ContentGenerator localContentGenerator(StudioSettings settings) {
        return new LocalContentGenerator(settings.chunkDelay());
    }
}
