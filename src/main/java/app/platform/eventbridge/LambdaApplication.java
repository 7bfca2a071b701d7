package app.platform.eventbridge;

import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import app.Application;

/**
 * The application inside a Lambda function: started once per function instance, on its first invocation, with the
 * profiles {@code aws} and {@code lambda} ({@code application-lambda.yaml}: it takes in every catalogued event and
 * answers only once the listeners have completed, since the function may be frozen as soon as it answers).
 */
final class LambdaApplication {

    static final List<String> PROFILES = List.of("aws", "lambda");

    private static volatile ConfigurableApplicationContext context;

    private LambdaApplication() {
    }

    static InboundEvents inboundEvents() {
        return context().getBean(InboundEvents.class);
    }

    private static ConfigurableApplicationContext context() {
        if (context == null) {
            synchronized (LambdaApplication.class) {
                if (context == null) {
                    context = new SpringApplicationBuilder(Application.class)
                            .web(WebApplicationType.NONE)
                            .profiles(PROFILES.toArray(String[]::new))
                            .run();
                }
            }
        }
        return context;
    }
}
