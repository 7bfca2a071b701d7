package app.users;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.BudgetProbe;
import app.platform.operations.BudgetProbe.Spent;
import app.platform.operations.HttpClientSupport.JsonResponse;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;

/** Per-user budgets by current plan, with the IETF RateLimit headers and 429 Problem Details. */
@PlatformIntegrationTest
class RateLimitApiTests {

    @LocalServerPort
    int port;

    @Autowired
    UserManagement management;

    @Test
    void everyAnswerCarriesTheCallersBudget() {
        TestUser user = TestUsers.signUpAndLogIn(base());

        JsonResponse me = me(user);

        assertThat(me.header("RateLimit-Policy")).hasValue("\"free\";q=60;w=60");
        assertThat(me.header("RateLimit")).hasValueSatisfying(value -> assertThat(value).startsWith("\"free\";r=59;t="));
    }

    @Test
    void aFreeUserGets60RequestsAMinuteThen429WithRetryAfter() {
        TestUser user = TestUsers.signUpAndLogIn(base());

        Spent spent = BudgetProbe.spend(() -> me(user), 200);
        JsonResponse refused = spent.refused();

        assertThat(spent.allowed()).isBetween(60, spent.maxAllowed(60));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("type").asString()).isEqualTo("urn:problem-type:rate-limited");
        assertThat(refused.header("Retry-After")).hasValueSatisfying(
                value -> assertThat(Long.parseLong(value)).isBetween(1L, 2L));
        assertThat(refused.header("RateLimit")).hasValueSatisfying(value -> assertThat(value).contains(";r=0;"));
    }

    @Test
    void aPlanChangeAppliesAtOnceToTokensIssuedBeforeIt() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        assertThat(BudgetProbe.spend(() -> me(user), 200).refused().status()).isEqualTo(429);

        management.changePlan(user.id(), "pro");

        JsonResponse afterUpgrade = me(user);
        assertThat(afterUpgrade.status()).isEqualTo(200);
        assertThat(afterUpgrade.header("RateLimit-Policy")).hasValue("\"pro\";q=600;w=60");
    }

    @Test
    void anonymousRoutesCarryTheAddressBudgetAndNonApiRoutesNone() {
        JsonResponse calculator = send("GET", base() + "/api/v1/tools/roi?gain=150&cost=100");
        assertThat(calculator.header("RateLimit-Policy")).hasValueSatisfying(
                value -> assertThat(value).startsWith("\"anonymous\";"));

        assertThat(send("GET", base() + "/actuator/health").header("RateLimit")).isEmpty();
        assertThat(send("GET", base() + "/v3/api-docs").header("RateLimit")).isEmpty();
    }

    private JsonResponse me(TestUser user) {
        return send("GET", base() + "/api/v1/users/me", null, user.bearer());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
