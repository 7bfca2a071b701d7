package app.users;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionOperations;

import app.platform.PlatformIntegrationTest;
import app.platform.devservices.DevMailServer;
import app.platform.dynamodb.FaultInjectingDynamoDbClient;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import tools.jackson.databind.JsonNode;

/**
 * The onboarding saga of a new account over HTTP: the account, a default brand profile, the AI preferences and the
 * welcome e-mail (accepted by the in-process SMTP server), its state at {@code /api/v1/users/me/onboarding}, and a
 * step that fails or never answers leaving the account in place until the user retries.
 */
@PlatformIntegrationTest
class OnboardingTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    DevMailServer mailServer;

    @Autowired
    Onboarding onboarding;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionOperations transactions;

    @Autowired
    DynamoDbClient dynamoDb;

    @Autowired
    UsersSettings settings;

    @Autowired
    Clock clock;

    @AfterEach
    void removeFaults() {
        ((FaultInjectingDynamoDbClient) dynamoDb).clearFaults();
    }

    @Test
    void aNewAccountIsOnboardedWithADefaultBrandProfileItsPreferencesAndAWelcomeEmail() {
        TestUser user = TestUsers.signUpAndLogIn(base());

        JsonNode state = awaitStatus(user, "COMPLETED");

        assertThat(state.path("steps").findValuesAsString("name"))
                .containsExactly("account", "brand-profile", "ai-preferences", "welcome-email");
        assertThat(state.path("steps").findValuesAsString("status")).containsOnly("COMPLETED");
        assertThat(send("GET", base() + "/api/v1/brand/profile", null, user.bearer()).body().path("voice")
                .asString()).isEqualTo("friendly and clear");
        assertThat(mailServer.received()).filteredOn(mail -> mail.to().toString().contains(user.email()))
                .extracting(mail -> mail.subject()).containsExactly("Welcome to Content Platform");
    }

    @Test
    void aStepThatFailsForGoodLeavesTheAccountAndIsRunAgainOnRetry() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        awaitStatus(user, "COMPLETED");

        transactions.executeWithoutResult(status -> events.publishEvent(new OnboardingStepFailed(UUID.randomUUID(),
                user.id(), "welcome-email", "The welcome e-mail was not delivered: mailbox unavailable")));

        JsonNode failed = awaitStatus(user, "FAILED");
        assertThat(step(failed, "welcome-email").path("reason").asString()).contains("mailbox unavailable");
        assertThat(send("GET", base() + "/api/v1/users/me", null, user.bearer()).status()).as("the account stays")
                .isEqualTo(200);

        send("POST", base() + "/api/v1/users/me/onboarding/retry", null, user.bearer());

        awaitStatus(user, "COMPLETED");
        assertThat(mailServer.received()).filteredOn(mail -> mail.to().toString().contains(user.email()))
                .as("the welcome e-mail again").hasSize(2);
    }

    @Test
    void aStepThatNeverAnswersTimesOutAndCompletesWhenRetriedOnceItCanAnswer() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        awaitStatus(user, "COMPLETED");
        transactions.executeWithoutResult(status -> events.publishEvent(new OnboardingStepFailed(UUID.randomUUID(),
                user.id(), "welcome-email", "The welcome e-mail was not delivered: mailbox unavailable")));
        awaitStatus(user, "FAILED");
        AttributeValue partition = AttributeValue.fromS("USER#" + user.id());
        ((FaultInjectingDynamoDbClient) dynamoDb).failWhen(request -> request instanceof PutItemRequest put
                && put.tableName().endsWith("-notification") && partition.equals(put.item().get("pk")));

        assertThat(send("POST", base() + "/api/v1/users/me/onboarding/retry", null, user.bearer()).body()
                .path("status").asString()).isEqualTo("RUNNING");
        Onboarding.State later = onboarding.of(user.id(), clock.instant().plus(settings.onboardingStepTimeout())
                .plusSeconds(1)).orElseThrow();

        assertThat(later.status()).isEqualTo("FAILED");
        assertThat(later.steps()).filteredOn(step -> step.name().equals("welcome-email")).singleElement()
                .satisfies(step -> assertThat(step.status()).isEqualTo("TIMED_OUT"));
        ((FaultInjectingDynamoDbClient) dynamoDb).clearFaults();
        send("POST", base() + "/api/v1/users/me/onboarding/retry", null, user.bearer());
        awaitStatus(user, "COMPLETED");
    }

    private JsonNode awaitStatus(TestUser user, String status) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(
                () -> send("GET", base() + "/api/v1/users/me/onboarding", null, user.bearer()).body(),
                state -> state.path("status").asString().equals(status));
    }

    private static JsonNode step(JsonNode state, String name) {
        for (JsonNode step : state.path("steps")) {
            if (step.path("name").asString().equals(name)) {
                return step;
            }
        }
        throw new AssertionError("No step " + name + " in " + state);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
