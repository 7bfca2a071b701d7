package app.platform.operations;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.awaitility.pollinterval.IterativePollInterval;
import org.awaitility.pollinterval.PollInterval;

import app.platform.operations.HttpClientSupport.JsonResponse;
import tools.jackson.databind.JsonNode;

/**
 * Signs up and logs in users through the API, as a client would, for tests that need callers. Each call makes a
 * new account with a unique address.
 *
 * <p>Test users live within the product's limits like anyone: a signed-up user is on the free plan, whose budget is
 * 60 requests a minute refilled one a second, and every poll of {@code /api/v1} spends it. Tests poll at
 * {@link #POLL_INTERVAL}, which slows down to that refill rate, so no wait can use the budget up. Every sign-up
 * produces a welcome notice ({@value #WELCOME}) a moment later: tests that read a user's inbox or notification stream
 * sign up with {@link #signUpAndAwaitWelcome}, so the welcome is not taken for what they look for.
 */
public final class TestUsers {

    public static final String PASSWORD = "correct horse battery staple";

    /** The type of the notice every sign-up produces. */
    public static final String WELCOME = "user.account.created";

    /** The free plan refills its budget (60 a minute) by one request a second. */
    private static final Duration FREE_PLAN_REFILL = Duration.ofSeconds(1);

    /**
     * How tests poll {@code /api/v1} as a test user: 250 ms after the first look, then half as long again each time up
     * to one second, the free plan's refill rate.
     */
    public static final PollInterval POLL_INTERVAL = new IterativePollInterval(
            previous -> min(previous.multipliedBy(3).dividedBy(2), FREE_PLAN_REFILL), Duration.ofMillis(250));

    private static final Duration WELCOME_WAIT = Duration.ofSeconds(20);

    private TestUsers() {
    }

    /** A signed-up, logged-in user. */
    public record TestUser(String id, String email, String accessToken, String refreshToken) {

        public String[] bearer() {
            return new String[] { "Authorization", "Bearer " + accessToken };
        }
    }

    public static TestUser signUpAndLogIn(String baseUrl) {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        JsonResponse signUp = HttpClientSupport.send("POST", baseUrl + "/api/v1/users",
                "{\"email\":\"%s\",\"password\":\"%s\",\"displayName\":\"Test User\"}".formatted(email, PASSWORD));
        if (signUp.status() != 201) {
            throw new IllegalStateException("Sign-up failed: " + signUp.status() + " " + signUp.body());
        }
        JsonResponse tokens = logIn(baseUrl, email, PASSWORD);
        if (tokens.status() != 200) {
            throw new IllegalStateException("Log-in failed: " + tokens.status() + " " + tokens.body());
        }
        return new TestUser(signUp.body().path("id").asString(), email, tokens.body().path("accessToken").asString(),
                tokens.body().path("refreshToken").asString());
    }

    /**
     * A signed-up, logged-in user whose welcome notice is in the inbox and has gone out to the notification streams:
     * its e-mail was attempted, which the inbox does only after pushing the notice. What the user's inbox or stream
     * receives from then on is the test's.
     */
    public static TestUser signUpAndAwaitWelcome(String baseUrl) {
        TestUser user = signUpAndLogIn(baseUrl);
        Awaitility.await("the welcome notice of " + user.email()).atMost(WELCOME_WAIT).pollInterval(POLL_INTERVAL)
                .until(() -> welcome(baseUrl, user), TestUsers::pushed);
        return user;
    }

    public static JsonResponse logIn(String baseUrl, String email, String password) {
        return HttpClientSupport.send("POST", baseUrl + "/api/v1/users/login",
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password));
    }

    private static JsonNode welcome(String baseUrl, TestUser user) {
        for (JsonNode item : HttpClientSupport.send("GET", baseUrl + "/api/v1/notifications", null, user.bearer())
                .body().path("items")) {
            if (WELCOME.equals(item.path("type").asString())) {
                return item;
            }
        }
        return null;
    }

    private static boolean pushed(JsonNode welcome) {
        return welcome != null && (!"PENDING".equals(welcome.path("email").path("status").asString())
                || welcome.path("email").path("attempts").asInt() >= 1);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
