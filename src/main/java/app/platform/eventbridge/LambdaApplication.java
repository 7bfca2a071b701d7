package app.platform.eventbridge;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import app.Application;

/** The application inside a Lambda function: started once per function instance, on its first invocation. */
final class LambdaApplication {

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
                            .profiles("aws")
                            .run();
                }
            }
        }
        return context;
    }
}
