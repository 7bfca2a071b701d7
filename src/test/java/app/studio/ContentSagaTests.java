package app.studio;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.dynamodb.FaultInjectingDynamoDbClient;
import app.platform.events.FailedPublicationRetrier;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import tools.jackson.databind.JsonNode;

/**
 * The content saga end to end over HTTP: generate → save to the library → update analytics → notify, with a failure
 * injected at each step. Failures are real: the generator fails, the library refuses content it cannot hold, or a
 * module's DynamoDB writes fail for the user (the fault-injecting client), so its listener never answers and the
 * saga's timeout decides. Timeouts are triggered by sweeping as of a later instant rather than by waiting.
 */
@PlatformIntegrationTest
class ContentSagaTests {

    private static final String BLOG = "{\"topic\":\"%s\",\"keywords\":[\"checklist\"],\"length\":\"short\"}";

    @LocalServerPort
    int port;

    @Autowired
    DynamoDbClient dynamoDb;

    @Autowired
    ContentSaga saga;

    @Autowired
    FailedPublicationRetrier retrier;

    @Autowired
    Quotas quotas;

    @Autowired
    StudioSettings settings;

    @Autowired
    Clock clock;

    @AfterEach
    void removeFaults() {
        faults().clearFaults();
    }

    @Test
    void everyStepAnswersAndTheSagaCompletesWithTheContentInTheLibraryAnalyticsAndTheInbox() {
        TestUser user = TestUsers.signUpAndAwaitWelcome(base());

        String id = generate(user, "launch checklist");

        JsonNode generation = awaitSaga(user, id, "COMPLETED");
        assertThat(generation.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(stepNames(generation)).containsExactly("accepted", "generate", "library", "analytics", "notify");
        assertThat(generation.path("steps").findValuesAsString("status")).containsOnly("COMPLETED");
        assertThat(get(user, "/api/v1/library/items/" + id).status()).isEqualTo(200);
        assertThat(get(user, "/api/v1/analytics/summary").body().path("generations").path("completed").asInt())
                .isEqualTo(1);
        assertThat(get(user, "/api/v1/notifications").body().path("items").findValuesAsString("type"))
                .containsExactlyInAnyOrder("library.content.saved", "user.account.created");
    }

    @Test
    void aFailedGenerationIsCompensatedTheQuotaUnitComesBackAndTheUserIsTold() {
        TestUser user = TestUsers.signUpAndAwaitWelcome(base());

        String id = generate(user, FailingContentGenerator.FAIL);

        JsonNode generation = awaitSaga(user, id, "COMPENSATED");
        assertThat(generation.path("status").asString()).isEqualTo("FAILED");
        assertThat(step(generation, "generate").path("status").asString()).isEqualTo("FAILED");
        assertThat(stepNames(generation)).containsExactly("accepted", "generate", "refund-quota", "notify-failure")
                .as("nothing reached the library, so nothing is withdrawn from it");
        assertThat(quotaUsed(user)).isZero();
        assertThat(get(user, "/api/v1/notifications").body().path("items").findValuesAsString("type"))
                .containsExactlyInAnyOrder("ai.generation.failed", "user.account.created");
    }

    @Test
    void contentTheLibraryCannotHoldFailsTheLibraryStepForGoodAndIsCompensated() {
        TestUser user = TestUsers.signUpAndAwaitWelcome(base());

        String id = generate(user, FailingContentGenerator.OVERSIZED);

        JsonNode generation = awaitSaga(user, id, "COMPENSATED");
        assertThat(generation.path("status").asString()).isEqualTo("FAILED");
        assertThat(generation.path("failureReason").asString()).contains("at most 50000 characters");
        assertThat(step(generation, "library").path("status").asString()).isEqualTo("FAILED");
        assertThat(step(generation, "notify").path("status").asString()).isEqualTo("CANCELLED");
        assertThat(step(generation, "remove-from-library").path("status").asString()).isEqualTo("COMPLETED");
        assertThat(quotaUsed(user)).isZero();
        assertThat(get(user, "/api/v1/library/items/" + id).status()).isEqualTo(404);
        assertThat(get(user, "/api/v1/notifications").body().path("items").findValuesAsString("type"))
                .as("only the failure is announced, never a ready notice")
                .containsExactlyInAnyOrder("ai.generation.failed", "user.account.created");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(400)).untilAsserted(() -> {
            JsonNode outcomes = get(user, "/api/v1/analytics/summary").body().path("generations");
            assertThat(outcomes.path("failed").asInt()).isEqualTo(1);
            assertThat(outcomes.path("completed").asInt()).as("moved from completed to failed").isZero();
        });
    }

    @Test
    void aLibraryThatNeverAnswersTimesOutAndAFailingCompensationShowsAsItsOwnStateUntilItIsRetried() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        faults().failWhen(writesOf("-library", user));

        String id = generate(user, "silent library");
        awaitStep(user, id, "generate", "COMPLETED");
        saga.expireOverdue(clock.instant().plus(settings.saga().stepTimeout()).plusSeconds(1));

        JsonNode givenUp = awaitStep(user, id, "notify-failure", "COMPLETED");
        assertThat(givenUp.path("status").asString()).isEqualTo("FAILED");
        assertThat(givenUp.path("failureReason").asString()).contains("library step did not answer in time");
        assertThat(step(givenUp, "library").path("status").asString()).isEqualTo("TIMED_OUT");
        awaitStep(user, id, "refund-quota", "COMPLETED");
        assertThat(quotaUsed(user)).isZero();

        saga.expireOverdue(clock.instant().plus(settings.saga().compensationTimeout()).plusSeconds(1));
        JsonNode compensationFailed = awaitSaga(user, id, "COMPENSATION_FAILED");
        assertThat(step(compensationFailed, "remove-from-library").path("status").asString()).isEqualTo("TIMED_OUT");

        faults().clearFaults();
        retrier.retryFailed();

        awaitSaga(user, id, "COMPENSATED");
        assertThat(get(user, "/api/v1/library/items/" + id).status()).as("withdrawn once the library answered")
                .isEqualTo(404);
        assertThat(get(user, "/api/v1/library/items").body().path("items").size()).isZero();
    }

    @ParameterizedTest(name = "{0} never answers")
    @CsvSource({ "analytics, -analytics", "notify, -notification" })
    void aStepAfterTheLibraryThatNeverAnswersLeavesTheContentAndTheSagaIncompleteUntilItIsRetried(String step,
            String table) {
        TestUser user = TestUsers.signUpAndLogIn(base());
        faults().failWhen(writesOf(table, user));

        String id = generate(user, "slow " + step);
        awaitStep(user, id, "library", "COMPLETED");
        saga.expireOverdue(clock.instant().plus(settings.saga().stepTimeout()).plusSeconds(1));

        JsonNode incomplete = awaitSaga(user, id, "INCOMPLETE");
        assertThat(incomplete.path("status").asString()).as("the content is kept").isEqualTo("COMPLETED");
        assertThat(step(incomplete, step).path("status").asString()).isEqualTo("TIMED_OUT");
        assertThat(get(user, "/api/v1/library/items/" + id).status()).isEqualTo(200);
        assertThat(quotaUsed(user)).isEqualTo(1);

        faults().clearFaults();
        retrier.retryFailed();

        JsonNode completed = awaitSaga(user, id, "COMPLETED");
        assertThat(step(completed, step).path("status").asString()).isEqualTo("COMPLETED");
    }

    private FaultInjectingDynamoDbClient faults() {
        return (FaultInjectingDynamoDbClient) dynamoDb;
    }

    /** Writes of this user's items to the table whose name ends with the suffix. */
    private static Predicate<SdkRequest> writesOf(String tableSuffix, TestUser user) {
        AttributeValue partition = AttributeValue.fromS("USER#" + user.id());
        return FaultInjectingDynamoDbClient.writeTo(tableSuffix).and(request -> switch (request) {
            case PutItemRequest put -> partition.equals(put.item().get("pk"));
            case UpdateItemRequest update -> partition.equals(update.key().get("pk"));
            default -> false;
        });
    }

    private int quotaUsed(TestUser user) {
        String month = QuotaReservations.monthOf(Instant.now(clock));
        return quotas.find(Quota.key(user.id(), month)).map(Quota::getUsed).orElse(0);
    }

    private String generate(TestUser user, String topic) {
        return send("POST", base() + "/api/v1/studio/content/blog", BLOG.formatted(topic), user.bearer()).body()
                .path("id").asString();
    }

    private JsonNode awaitSaga(TestUser user, String id, String sagaStatus) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(400)).until(() -> generation(user, id),
                generation -> generation.path("sagaStatus").asString().equals(sagaStatus));
    }

    private JsonNode awaitStep(TestUser user, String id, String name, String status) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(400)).until(() -> generation(user, id),
                generation -> step(generation, name).path("status").asString().equals(status));
    }

    private JsonNode generation(TestUser user, String id) {
        return get(user, "/api/v1/studio/generations/" + id).body();
    }

    private static JsonNode step(JsonNode generation, String name) {
        for (JsonNode step : generation.path("steps")) {
            if (step.path("name").asString().equals(name)) {
                return step;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    private static java.util.List<String> stepNames(JsonNode generation) {
        return generation.path("steps").findValuesAsString("name");
    }

    private app.platform.operations.HttpClientSupport.JsonResponse get(TestUser user, String path) {
        return send("GET", base() + path, null, user.bearer());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
