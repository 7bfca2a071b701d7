package app.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.HttpClientSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The calculators over HTTP, as a browser, a script or a CDN uses them. */
@PlatformIntegrationTest
class ToolsApiTests {

    private static final HttpClient http = HttpClientSupport.newClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void aCalculatorAnswersCacheablyWithAnEtagAndA304ForAnUnchangedAnswer() throws Exception {
        HttpResponse<String> first = get("/api/v1/tools/profit-margin?revenue=1250.50&cost=800.20", null);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json.readTree(first.body()).path("marginPercent").decimalValue()).isEqualByComparingTo("36.01");
        assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("max-age=3600").contains("public"));
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = get("/api/v1/tools/profit-margin?revenue=1250.50&cost=800.20", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void aNonNumericParameterIsABadRequestNamingTheField() throws Exception {
        HttpResponse<String> response = get("/api/v1/tools/roi?gain=lots&cost=100", null);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("urn:problem-type:invalid-input");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("gain");
    }

    @Test
    void anUnknownCalculatorIsNotFoundAndATextToolWantsAPost() throws Exception {
        HttpResponse<String> unknown = get("/api/v1/tools/horoscope", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).path("type").asString()).isEqualTo("urn:problem-type:not-found");

        assertThat(get("/api/v1/tools/readability", null).statusCode()).isEqualTo(405);
    }

    @Test
    void textToolsReadThePostedText() throws Exception {
        HttpResponse<String> response = HttpClientSupport.exchange(http, HttpClientSupport.request(
                url("/api/v1/tools/readability"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"The cat sat on the mat.\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("fleschReadingEase").decimalValue()).isEqualByComparingTo("116.1");
    }

    private HttpResponse<String> get(String path, String ifNoneMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpClientSupport.request(url(path)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HttpClientSupport.exchange(http, request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
