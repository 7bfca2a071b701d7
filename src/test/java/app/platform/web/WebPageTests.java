package app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.HttpClientSupport;

/**
 * The web page at {@code /} and its static files answer without a token, as what they are, and the security headers
 * let the page run its own scripts and open its live connections.
 */
@PlatformIntegrationTest
class WebPageTests {

    @LocalServerPort
    int port;

    private static final HttpClient client = HttpClientSupport.newClient();

    @Test
    void theRootAnswersThePageWithItsMainControls() {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<title>AI content platform</title>", "id=\"sign-up-form\"",
                "id=\"log-in-form\"", "id=\"generate-form\"", "id=\"generation-progress\"", "id=\"notifications\"",
                "id=\"library-items\"", "id=\"research\"", "src=\"/vendor/stomp.umd.min.js\"",
                "type=\"module\" src=\"/js/app.js\"", "name=\"viewport\"");
    }

    @Test
    void theScriptsStylesAndTheStompClientLibraryAreServedWithoutAToken() {
        for (String script : new String[] { "/js/app.js", "/js/api.js", "/js/live.js", "/js/stream.js",
                "/js/chart.js" }) {
            HttpResponse<String> answer = get(script);
            assertThat(answer.statusCode()).as(script).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).as(script)
                    .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        }
        assertThat(get("/css/app.css").headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));

        HttpResponse<String> library = get("/vendor/stomp.umd.min.js");
        assertThat(library.statusCode()).as("the build copies the STOMP client from its npm package").isEqualTo(200);
        assertThat(library.body()).contains("StompJs");
    }

    @Test
    void theContentSecurityPolicyLetsThePageRunItsOwnScriptsAndConnectToItsOwnOrigin() {
        String policy = get("/").headers().firstValue("Content-Security-Policy").orElse("");

        assertThat(policy).contains("frame-ancestors 'none'");
        for (String directive : new String[] { "default-src", "script-src", "connect-src" }) {
            assertThat(policy).as("%s, if set, must allow the page's own origin", directive)
                    .satisfiesAnyOf(value -> assertThat(value).doesNotContain(directive),
                            value -> assertThat(value).containsPattern(directive + " [^;]*'self'"));
        }
    }

    private HttpResponse<String> get(String path) {
        try {
            return HttpClientSupport.exchange(client, HttpClientSupport.request("http://localhost:" + port + path)
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
