package app.platform.security;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.HttpClientSupport.JsonResponse;

/** CORS by configuration (the test profile allows https://app.example.com) and the standard security headers. */
@PlatformIntegrationTest
class BrowserProtectionTests {

    @LocalServerPort
    int port;

    @Test
    void aConfiguredOriginMayCallTheApiFromABrowserAndOthersMayNot() {
        JsonResponse allowed = preflight("https://app.example.com");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
        assertThat(allowed.header("Access-Control-Allow-Headers")).hasValueSatisfying(
                value -> assertThat(value.toLowerCase()).contains("authorization"));

        JsonResponse refused = preflight("https://evil.example.net");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void everyAnswerCarriesTheStandardSecurityHeaders() {
        JsonResponse answer = send("GET", "http://localhost:" + port + "/api/v1/tools/roi?gain=150&cost=100");

        assertThat(answer.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.header("X-Frame-Options")).hasValue("DENY");
        assertThat(answer.header("Referrer-Policy")).hasValue("no-referrer");
        assertThat(answer.header("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
        assertThat(answer.header("Cache-Control")).as("the calculators stay cacheable").hasValueSatisfying(
                value -> assertThat(value).contains("public"));
    }

    private JsonResponse preflight(String origin) {
        return send("OPTIONS", "http://localhost:" + port + "/api/v1/users/me", null, "Origin", origin,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization");
    }
}
