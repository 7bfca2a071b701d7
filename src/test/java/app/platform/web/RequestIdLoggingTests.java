package app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;

/** The request id reaches the log lines written while the request is handled. */
@PlatformIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RequestIdLoggingTests {

    @LocalServerPort
    int port;

    @Test
    void aLogLineOfTheRequestCarriesItsId(CapturedOutput output) throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/test/failure")).header("X-Request-Id", "log-line-check-42").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(output.getAll()).containsPattern("ERROR \\[log-line-check-42\\].*Unhandled failure");
    }
}
