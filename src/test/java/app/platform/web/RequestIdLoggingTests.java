package app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.HttpClientSupport;

/** The request id reaches the log lines written while the request is handled. */
@PlatformIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RequestIdLoggingTests {

    @LocalServerPort
    int port;

    @Test
    void aLogLineOfTheRequestCarriesItsId(CapturedOutput output) {
        HttpClientSupport.send("GET", "http://localhost:" + port + "/test/failure", null, "X-Request-Id",
                "log-line-check-42");

        assertThat(output.getAll()).containsPattern("ERROR \\[log-line-check-42\\].*Unhandled failure");
    }
}
