package app.platform.web;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document describes the API's operations with their error responses. */
@PlatformIntegrationTest
class OpenApiDocumentTests {

    @LocalServerPort
    int port;

    @Test
    void theDocumentIsOpenApi31AndEveryApiOperationDocumentsItsProblems() {
        JsonNode document = send("GET", "http://localhost:" + port + "/v3/api-docs").body();

        assertThat(document.path("openapi").asString()).startsWith("3.1");
        JsonNode calculator = document.path("paths").path("/api/v1/tools/{calculator}").path("get");
        assertThat(calculator.isMissingNode()).isFalse();
        assertThat(calculator.path("responses").path("400").path("content").path("application/problem+json")
                .path("schema").path("$ref").asString()).isEqualTo("#/components/schemas/Problem");
        assertThat(document.path("components").path("schemas").path("Problem").path("properties").has("requestId"))
                .isTrue();
        document.path("paths").properties().stream()
                .filter(path -> path.getKey().startsWith("/api/v1/"))
                .forEach(path -> path.getValue().properties().forEach(operation -> assertThat(
                        operation.getValue().path("responses").has("500")).as("%s %s", operation.getKey(),
                                path.getKey()).isTrue()));
    }

    @Test
    void routesThatNeedATokenSayItAndAnswer401WhileAnonymousOnesDoNot() {
        JsonNode document = send("GET", "http://localhost:" + port + "/v3/api-docs").body();

        assertThat(document.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
                .isEqualTo("bearer");
        JsonNode me = document.path("paths").path("/api/v1/users/me").path("get");
        assertThat(me.path("security").get(0).has("bearer")).isTrue();
        assertThat(me.path("responses").has("401")).isTrue();
        JsonNode signUp = document.path("paths").path("/api/v1/users").path("post");
        assertThat(signUp.has("security")).isFalse();
        assertThat(signUp.path("responses").has("401")).isFalse();
    }

    @Test
    void theNotificationStreamIsDocumentedAsAnEventStreamWithItsTicketOperation() {
        JsonNode paths = send("GET", "http://localhost:" + port + "/v3/api-docs").body().path("paths");

        JsonNode stream = paths.path("/api/v1/notifications/stream").path("get");
        assertThat(stream.path("responses").path("200").path("content").has("text/event-stream")).isTrue();
        assertThat(stream.path("responses").path("401").path("content").has("application/problem+json")).isTrue();
        assertThat(stream.path("parameters").findValuesAsString("name")).contains("ticket", "Last-Event-ID");
        JsonNode tickets = paths.path("/api/v1/notifications/stream/tickets").path("post");
        assertThat(tickets.path("security").get(0).has("bearer")).isTrue();
        assertThat(tickets.path("responses").path("200").path("content").path("application/json").isMissingNode())
                .isFalse();
    }
}
