package app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.HttpClientSupport;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Whatever goes wrong, a client gets Problem Details with a stable type, the request id, and no internals. */
@PlatformIntegrationTest
class ErrorResponsesTests {

    private static final HttpClient http = HttpClientSupport.newClient();
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String TEXT_TOOL = "/api/v1/tools/readability";

    @LocalServerPort
    int port;

    @Test
    void malformedJsonIsAMalformedRequest() throws Exception {
        assertProblem(send(post(TEXT_TOOL, "application/json", "{\"text\": ")), 400, "malformed-request");
    }

    @Test
    void aBodyOfAnotherMediaTypeIsUnsupported() throws Exception {
        assertProblem(send(post(TEXT_TOOL, "text/plain", "hello")), 415, "unsupported-media-type");
    }

    @Test
    void aMethodTheEndpointDoesNotTakeIsNotAllowed() throws Exception {
        assertProblem(send(request(TEXT_TOOL).DELETE()), 405, "method-not-allowed");
    }

    @Test
    void anUnknownRouteIsNotFoundForACallerWithATokenAndUnauthorizedForOneWithout() throws Exception {
        TestUser caller = TestUsers.signUpAndLogIn("http://localhost:" + port);

        assertProblem(send(request("/api/v1/no-such-thing").headers(caller.bearer()).GET()), 404, "not-found");
        assertProblem(send(request("/api/v1/no-such-thing").GET()), 401, "unauthorized");
        assertProblem(send(request("/no-such-page").GET()), 404, "not-found");
    }

    /** Found by {@link OpenApiFuzzTests}: requests like these answered 500 once. */
    @Test
    void controlCharactersInParametersAndFormBodiesAreTheClientsFault() throws Exception {
        TestUser caller = TestUsers.signUpAndLogIn("http://localhost:" + port);
        List<HttpRequest.Builder> requests = List.of(
                request("/api/v1/tools/roi?gain=%00&cost=1&%20=x").GET(),
                request("/api/v1/users/me/subscription?caller=%E2%80%AE%00").headers(caller.bearer())
                        .header("Content-Type", "application/json").PUT(BodyPublishers.ofString("{\"plan\":1}")),
                post("/api/v1/tools/readability", "application/x-www-form-urlencoded", "%20=%E2%80%AE%00"),
                post("/api/v1/users", "application/x-www-form-urlencoded", "{\"email\":1e400,\"displayName\":\"%\"}"),
                post("/api/v1/users/token/refresh", "application/x-www-form-urlencoded", "{\"refreshToken\":\" \"}")
                        .headers(caller.bearer()),
                request("/api/v1/users/me").headers(caller.bearer())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .method("PATCH", BodyPublishers.ofString("displayName=%ZZ")));
        for (HttpRequest.Builder request : requests) {
            HttpResponse<String> response = send(request);
            assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        String huge = "{\"text\": \"" + "x".repeat(1_100_000) + "\"}";
        assertProblem(send(post(TEXT_TOOL, "application/json", huge)), 413, "payload-too-large");
    }

    @Test
    void theCallersRequestIdIsEchoedAndReportedOtherwiseOneIsMadeUp() throws Exception {
        HttpResponse<String> given = send(request("/api/v1/no-such-thing").header("X-Request-Id", "trace-me-12345").GET());
        assertThat(given.headers().firstValue("X-Request-Id")).contains("trace-me-12345");
        assertThat(json.readTree(given.body()).path("requestId").asString()).isEqualTo("trace-me-12345");

        HttpResponse<String> made = send(request("/api/v1/no-such-thing").header("X-Request-Id", "<script>").GET());
        assertThat(made.headers().firstValue("X-Request-Id")).hasValueSatisfying(
                id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    private void assertProblem(HttpResponse<String> response, int status, String kind) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("urn:problem-type:" + kind);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("requestId").asString()).isNotBlank();
        assertThat(problem.has("trace") || problem.has("exception")).isFalse();
    }

    private HttpRequest.Builder post(String path, String contentType, String body) {
        return request(path).header("Content-Type", contentType).POST(BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder request(String path) {
        return HttpClientSupport.request("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HttpClientSupport.exchange(http, request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
