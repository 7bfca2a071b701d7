package app.brand;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;

/** The onboarding's brand step creates the default profile only where the user has none. */
@PlatformIntegrationTest
class BrandOnboardingTests {

    @LocalServerPort
    int port;

    @Autowired
    BrandManagement brand;

    @Test
    void aProfileTheUserSetIsKeptWhenTheBrandStepRunsAgain() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> send("GET",
                base() + "/api/v1/brand/profile", null, user.bearer()).status() == 200);
        send("PUT", base() + "/api/v1/brand/profile", "{\"voice\":\"bold\",\"bannedTerms\":[\"cheap\"]}",
                user.bearer());

        brand.setUpDefaultProfile(user.id());

        JsonProfile profile = profile(user);
        assertThat(profile.voice()).isEqualTo("bold");
        assertThat(profile.bannedTerms()).isEqualTo("[\"cheap\"]");
    }

    private record JsonProfile(String voice, String bannedTerms) {
    }

    private JsonProfile profile(TestUser user) {
        var body = send("GET", base() + "/api/v1/brand/profile", null, user.bearer()).body();
        return new JsonProfile(body.path("voice").asString(), body.path("bannedTerms").toString());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
