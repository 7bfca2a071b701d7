package app.platform.operations;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Gives every test context the {@code oauth-test-server.url} property, resolved by starting the
 * {@link OAuthTestServer} when first asked for. A context that never asks (no provider points at it) starts nothing;
 * all that ask get the same server, so the shared application context of the integration tests stays one.
 */
public class OAuthTestServerEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PROPERTY = "oauth-test-server.url";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new PropertySource<>("oauthTestServer", PROPERTY) {

            @Override
            public Object getProperty(String name) {
                return PROPERTY.equals(name) ? OAuthTestServer.url() : null;
            }
        });
    }
}
