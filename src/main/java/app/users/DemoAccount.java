package app.users;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Creates the demo account at start-up when {@code app.users.demo.enabled} (the default profile), so a newcomer can
 * log in at once. Several instances starting together are fine: one sign-up wins, the others find the address taken.
 */
@Component
@ConditionalOnProperty(name = "app.users.demo.enabled", havingValue = "true")
class DemoAccount implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccount.class);

    private final UserManagement management;
    private final UsersSettings.Demo demo;

    DemoAccount(UserManagement management, UsersSettings settings) {
        this.management = management;
        this.demo = settings.demo();
    }

    @Override
    public void run(ApplicationArguments arguments) {
        try {
            management.signUp(demo.email(), demo.password(), demo.displayName());
            log.info("Demo account created: log in as {}", demo.email());
        }
        catch (EmailAlreadyRegistered exists) {
            log.info("Demo account present: log in as {}", demo.email());
        }
    }
}
