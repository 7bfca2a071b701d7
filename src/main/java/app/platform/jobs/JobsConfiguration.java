package app.platform.jobs;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The job facility's settings ({@code app.jobs.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobSettings.class)
class JobsConfiguration {
}
