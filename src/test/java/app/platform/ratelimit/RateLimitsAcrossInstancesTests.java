package app.platform.ratelimit;

import static app.platform.operations.HttpClientSupport.send;
import static app.platform.operations.HttpClientSupport.sendFrom;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import app.Application;
import app.platform.PlatformIntegrationTest;
import app.platform.operations.BudgetProbe;
import app.platform.operations.BudgetProbe.Spent;
import app.platform.operations.HttpClientSupport.JsonResponse;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;

/**
 * Two instances sharing Redis enforce one budget. The second instance has the default per-address budget cut to 5 a
 * minute and 3 failed log-ins per address; tests reach it from their own loopback addresses.
 */
@PlatformIntegrationTest
class RateLimitsAcrossInstancesTests {

    private static ConfigurableApplicationContext secondInstance;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startSecondInstance() {
        secondInstance = new SpringApplicationBuilder(Application.class).profiles("test").run("--server.port=0",
                "--spring.modulith.events.republish-outstanding-events-on-restart=false",
                "--app.rate-limits.anonymous-per-minute=5", "--app.users.log-in-failures-per-address=3");
    }

    @AfterAll
    static void stopSecondInstance() {
        secondInstance.close();
    }

    @Test
    void aUserSpendsOneBudgetWhicheverInstanceAnswers() {
        TestUser user = TestUsers.signUpAndLogIn(first());
        AtomicInteger calls = new AtomicInteger();

        Spent spent = BudgetProbe.spend(() -> send("GET",
                (calls.getAndIncrement() % 2 == 0 ? first() : second()) + "/api/v1/users/me", null, user.bearer()),
                200);

        assertThat(spent.refused().status()).isEqualTo(429);
        assertThat(spent.allowed()).as("one budget of 60, not one per instance").isBetween(60, spent.maxAllowed(60));
        assertThat(spent.refused().header("RateLimit-Policy")).hasValue("\"free\";q=60;w=60");
    }

    @Test
    void anonymousCallsAreLimitedPerClientAddress() {
        String url = second() + "/api/v1/tools/roi?gain=150&cost=100";

        Spent spent = BudgetProbe.spend(() -> sendFrom("127.0.0.31", "GET", url, null), 50);
        JsonResponse refused = spent.refused();

        assertThat(spent.allowed()).isBetween(5, spent.maxAllowed(5));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("RateLimit-Policy")).hasValue("\"anonymous\";q=5;w=60");
        assertThat(refused.header("Retry-After")).isPresent();
        assertThat(sendFrom("127.0.0.32", "GET", url, null).status()).as("another address").isEqualTo(200);
        assertThat(IntStream.range(0, 10).map(i -> sendFrom("127.0.0.31", "GET", second() + "/actuator/health", null)
                .status())).as("actuator is not limited").containsOnly(200);
    }

    @Test
    void failedLogInsFromOneAddressAreThrottledAcrossAccounts() {
        String logIn = second() + "/api/v1/users/login";
        for (int i = 0; i < 3; i++) {
            assertThat(sendFrom("127.0.0.33", "POST", logIn, credentials("nobody-" + i + "@example.com")).status())
                    .isEqualTo(401);
        }

        JsonResponse throttled = sendFrom("127.0.0.33", "POST", logIn, credentials("someone-else@example.com"));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.body().path("type").asString()).isEqualTo("urn:problem-type:rate-limited");
        assertThat(throttled.header("Retry-After")).isPresent();
    }

    private static String credentials(String email) {
        return "{\"email\":\"%s\",\"password\":\"wrong password 123\"}".formatted(email);
    }

    private String first() {
        return "http://localhost:" + port;
    }

    private static String second() {
        return "http://localhost:" + secondInstance.getBean(Environment.class).getProperty("local.server.port");
    }
}
