package app.studio;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StudioSettings.class)
class StudioConfiguration {

    /**
     * The built-in generator by default; a model through Spring AI when {@code app.studio.generator} names one.
     * Nothing of Spring AI is created for the built-in generator: no client, no connection, no key needed.
     */
    @Bean
    ContentGenerator contentGenerator(StudioSettings settings) {
        return switch (settings.generator()) {
            case LOCAL -> new LocalContentGenerator(settings.chunkDelay());
            case OPENAI, ANTHROPIC -> ChatModels.generator(settings.generator(), settings.ai());
        };
    }
}
