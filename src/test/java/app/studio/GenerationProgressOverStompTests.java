package app.studio;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.HttpClientSupport.JsonResponse;
import app.platform.operations.StompTestClient;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import tools.jackson.databind.JsonNode;

/** A generation's progress reaches its owner's STOMP sessions on /user/queue/generations, and nobody else's. */
@PlatformIntegrationTest
class GenerationProgressOverStompTests {

    private static final String BLOG = "{\"topic\":\"email marketing\",\"keywords\":[\"open rate\"],"
            + "\"length\":\"short\"}";

    @LocalServerPort
    int port;

    @Test
    void progressMessagesArriveWhileABlogPostIsGeneratedUpToItsCompletion() {
        TestUser owner = TestUsers.signUpAndLogIn(base());
        TestUser other = TestUsers.signUpAndLogIn(base());
        try (StompTestClient client = StompTestClient.connect(port, owner.accessToken());
                StompTestClient otherClient = StompTestClient.connect(port, other.accessToken())) {
            StompTestClient.Subscription generations = client.subscribe("/user/queue/generations");
            StompTestClient.Subscription othersGenerations = otherClient.subscribe("/user/queue/generations");
            assertThat(generations.accepted()).isTrue();

            JsonResponse accepted = send("POST", base() + "/api/v1/studio/content/blog", BLOG, owner.bearer());
            String id = accepted.body().path("id").asString();

            JsonNode completed = generations.await(message -> message.path("status").asString().equals("COMPLETED"));
            assertThat(completed.path("generationId").asString()).isEqualTo(id);
            assertThat(completed.path("progress").asInt()).isEqualTo(100);
            List<JsonNode> running = generations.messages().stream()
                    .filter(message -> message.path("status").asString().equals("RUNNING")).toList();
            assertThat(running).as("progress while the content is written").isNotEmpty()
                    .allSatisfy(message -> assertThat(message.path("generationId").asString()).isEqualTo(id));
            assertThat(running.stream().map(message -> message.path("progress").asInt()).toList())
                    .isSorted().allSatisfy(progress -> assertThat(progress).isBetween(0, 99));
            assertThat(othersGenerations.messages()).as("another user's session").isEmpty();
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
