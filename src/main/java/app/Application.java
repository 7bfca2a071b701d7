package app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * The AI content platform: one deployable Spring Boot application made of nine business modules
 * ({@code app.<module>}) and the shared infrastructure in {@code app.platform}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "AI content platform", sharedModules = "platform")
public class Application {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
