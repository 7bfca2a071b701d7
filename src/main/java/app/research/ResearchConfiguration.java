package app.research;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResearchSettings.class)
class ResearchConfiguration {

    /** Sample figures by default; the search-results API when {@code app.research.provider} is {@code http}. */
    @Bean
    RankingProvider rankingProvider(ResearchSettings settings, JsonMapper json) {
        return switch (settings.provider()) {
            case SAMPLE -> new SampleRankingProvider(settings.sample().bucket());
            case HTTP -> new HttpRankingProvider(settings.http(), json);
        };
    }
}
