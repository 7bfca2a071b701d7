package app.users;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;

import app.platform.PlatformIntegrationTest;
import app.platform.dynamodb.LostResponses;
import app.platform.operations.HttpClientSupport.JsonResponse;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;

/** Accounts over HTTP: sign-up, log-in, refresh, the caller's account, profile and plan. */
@PlatformIntegrationTest
class UsersApiTests {

    @LocalServerPort
    int port;

    @Autowired
    RecordedUserEvents events;

    @Autowired
    LostResponses lostResponses;

    @Autowired
    EventPublicationRepository registry;

    @Test
    void aSignUpAnswers201WithTheAccountAndItsLocationAndPublishesUserAccountCreated() {
        String email = "New.Person-" + UUID.randomUUID() + "@Example.com";

        JsonResponse created = signUp(email, TestUsers.PASSWORD, "New Person");

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("id").asString();
        assertThat(created.header("Location")).hasValue("/api/v1/users/" + id);
        assertThat(created.body().path("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(created.body().path("displayName").asString()).isEqualTo("New Person");
        assertThat(created.body().path("plan").asString()).isEqualTo("free");
        assertThat(created.body().has("password")).isFalse();
        assertThat(created.body().has("passwordHash")).isFalse();
        assertThat(events.ofType(UserAccountCreated.class)).anySatisfy(event -> {
            assertThat(event.userId()).isEqualTo(id);
            assertThat(event.plan()).isEqualTo("free");
        });

        JsonResponse tokens = TestUsers.logIn(base(), email, TestUsers.PASSWORD);
        JsonResponse account = send("GET", base() + "/api/v1/users/" + id, null,
                "Authorization", "Bearer " + tokens.body().path("accessToken").asString());
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.body().path("id").asString()).isEqualTo(id);
    }

    @Test
    void anAddressTakenInAnyCaseIsAConflict() {
        String email = "taken-" + UUID.randomUUID() + "@example.com";
        assertThat(signUp(email, TestUsers.PASSWORD, "First").status()).isEqualTo(201);

        JsonResponse again = signUp(email.toUpperCase(), TestUsers.PASSWORD, "Second");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("type").asString()).isEqualTo("urn:problem-type:email-already-registered");
    }

    @Test
    void ofConcurrentSignUpsWithOneAddressExactlyOneSucceeds() throws Exception {
        String email = "race-" + UUID.randomUUID() + "@example.com";
        int contenders = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> signUps = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            String spelling = i % 2 == 0 ? email : email.toUpperCase();
            signUps.add(() -> {
                start.await();
                return signUp(spelling, TestUsers.PASSWORD, "Racer").status();
            });
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(contenders)) {
            List<Future<Integer>> results = signUps.stream().map(threads::submit).toList();
            start.countDown();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
        }

        assertThat(statuses).containsOnlyOnce(201);
        assertThat(statuses).filteredOn(status -> status != 201).containsOnly(409);
        assertThat(events.ofType(UserAccountCreated.class)).filteredOn(event -> event.email().equals(email))
                .hasSize(1);
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        JsonResponse invalid = signUp("not-an-address", "short", " ");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("type").asString()).isEqualTo("urn:problem-type:invalid-input");
        assertThat(invalid.body().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("email", "password", "displayName");
    }

    @Test
    void aCommonPasswordOrOneOver128CharactersIsRefused() {
        JsonResponse common = signUp("common-" + UUID.randomUUID() + "@example.com", "Qwerty123456", "Someone");
        assertThat(common.status()).isEqualTo(400);
        assertThat(common.body().path("errors").get(0).path("message").asString()).contains("common");

        JsonResponse tooLong = signUp("long-" + UUID.randomUUID() + "@example.com", "x".repeat(129), "Someone");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().path("errors").get(0).path("field").asString()).isEqualTo("password");
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountGetTheSameAnswer() {
        TestUser user = TestUsers.signUpAndLogIn(base());

        JsonResponse wrongPassword = TestUsers.logIn(base(), user.email(), "not the right password");
        JsonResponse unknownAccount = TestUsers.logIn(base(), "nobody-" + UUID.randomUUID() + "@example.com",
                "not the right password");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownAccount.status()).isEqualTo(401);
        for (String member : List.of("type", "title", "detail", "status")) {
            assertThat(wrongPassword.body().path(member)).isEqualTo(unknownAccount.body().path(member));
        }
        assertThat(wrongPassword.body().path("type").asString()).isEqualTo("urn:problem-type:invalid-credentials");
    }

    @Test
    void afterFiveFailuresAnAccountRefusesLogInsForAWhileEvenWithTheRightPassword() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        for (int i = 0; i < 5; i++) {
            assertThat(TestUsers.logIn(base(), user.email(), "not the right password").status()).isEqualTo(401);
        }

        JsonResponse throttled = TestUsers.logIn(base(), user.email(), TestUsers.PASSWORD);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.body().path("type").asString()).isEqualTo("urn:problem-type:rate-limited");
        assertThat(throttled.header("Retry-After")).hasValueSatisfying(
                value -> assertThat(Long.parseLong(value)).isBetween(1L, 181L));
    }

    @Test
    void aLogInAnswersABearerTokenPairThatReachesTheCallersAccount() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        JsonResponse tokens = TestUsers.logIn(base(), user.email(), TestUsers.PASSWORD);

        assertThat(tokens.body().path("tokenType").asString()).isEqualTo("Bearer");
        assertThat(tokens.body().path("expiresIn").asLong()).isEqualTo(900);
        assertThat(tokens.header("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));

        JsonResponse me = send("GET", base() + "/api/v1/users/me", null, user.bearer());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("email").asString()).isEqualTo(user.email());
    }

    @Test
    void aRefreshTokenWorksOnceAndItsReuseRevokesTheWholeFamily() {
        TestUser user = TestUsers.signUpAndLogIn(base());

        JsonResponse first = refresh(user.refreshToken());
        assertThat(first.status()).isEqualTo(200);
        String successor = first.body().path("refreshToken").asString();
        assertThat(successor).isNotEqualTo(user.refreshToken());
        assertThat(send("GET", base() + "/api/v1/users/me", null, "Authorization",
                "Bearer " + first.body().path("accessToken").asString()).status()).isEqualTo(200);

        JsonResponse replay = refresh(user.refreshToken());
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.body().path("type").asString()).isEqualTo("urn:problem-type:invalid-refresh-token");

        assertThat(refresh(successor).status()).as("the family is revoked").isEqualTo(401);
    }

    @Test
    void aMalformedOrUnknownRefreshTokenIsRefused() {
        assertThat(refresh("garbage").status()).isEqualTo(401);
        assertThat(refresh(UUID.randomUUID() + ".secret").status()).isEqualTo(401);
        TestUser user = TestUsers.signUpAndLogIn(base());
        String id = user.refreshToken().substring(0, user.refreshToken().indexOf('.'));
        assertThat(refresh(id + ".forged-secret").status()).isEqualTo(401);
        assertThat(refresh(user.refreshToken()).status()).as("a forged attempt does not spend it").isEqualTo(200);
    }

    @Test
    void aProfileChangeKeepsWhatIsLeftOutAndPublishesTheWholeProfile() {
        TestUser user = TestUsers.signUpAndLogIn(base());

        JsonResponse changed = send("PATCH", base() + "/api/v1/users/me",
                "{\"industry\":\"Outdoor gear\",\"tone\":\"friendly\",\"language\":\"en-GB\"}", user.bearer());
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().path("displayName").asString()).isEqualTo("Test User");
        assertThat(changed.body().path("tone").asString()).isEqualTo("friendly");

        JsonResponse renamed = send("PATCH", base() + "/api/v1/users/me", "{\"displayName\":\"Renamed\"}",
                user.bearer());
        assertThat(renamed.body().path("tone").asString()).isEqualTo("friendly");
        assertThat(events.ofType(UserProfileUpdated.class)).filteredOn(event -> event.userId().equals(user.id()))
                .last().satisfies(event -> {
                    assertThat(event.displayName()).isEqualTo("Renamed");
                    assertThat(event.industry()).isEqualTo("Outdoor gear");
                    assertThat(event.language()).isEqualTo("en-GB");
                });

        JsonResponse invalid = send("PATCH", base() + "/api/v1/users/me", "{\"language\":\"not a tag\"}",
                user.bearer());
        assertThat(invalid.status()).isEqualTo(400);
    }

    /** The write of the profile is applied but its response lost: the SDK's retry must not turn it into a conflict. */
    @Test
    void aProfileChangeWhoseWriteResponseWasLostSucceedsAndPublishesOneEvent() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        lostResponses.loseResponseOnce(LostResponses.putTo(UsersTable.NAME, item -> item.containsKey("tone")
                && "lost-response".equals(item.get("tone").s())));

        JsonResponse changed = send("PATCH", base() + "/api/v1/users/me", "{\"tone\":\"lost-response\"}",
                user.bearer());

        assertThat(changed.status()).isEqualTo(200);
        assertThat(lostResponses.lost()).hasSize(1);
        Set<UUID> published = new HashSet<>();
        registry.findIncompletePublications().forEach(publication -> addProfileEvent(publication, user, published));
        registry.findCompletedPublications().forEach(publication -> addProfileEvent(publication, user, published));
        assertThat(published).as("the profile changes published").hasSize(1);
        lostResponses.clear();
    }

    private static void addProfileEvent(TargetEventPublication publication, TestUser user, Set<UUID> published) {
        if (publication.getEvent() instanceof UserProfileUpdated event && event.userId().equals(user.id())) {
            published.add(event.eventId());
        }
    }

    @Test
    void aPlanChangePublishesAnUpgradeOrADowngradeAndAnUnknownPlanIsInvalid() {
        TestUser user = TestUsers.signUpAndLogIn(base());

        JsonResponse pro = send("PUT", base() + "/api/v1/users/me/subscription", "{\"plan\":\"pro\"}", user.bearer());
        assertThat(pro.status()).isEqualTo(200);
        assertThat(pro.body().path("plan").asString()).isEqualTo("pro");
        send("PUT", base() + "/api/v1/users/me/subscription", "{\"plan\":\"free\"}", user.bearer());

        assertThat(events.ofType(UserSubscriptionUpgraded.class)).filteredOn(event -> event.userId().equals(user.id()))
                .singleElement().satisfies(event -> assertThat(event.plan()).isEqualTo("pro"));
        assertThat(events.ofType(UserSubscriptionDowngraded.class))
                .filteredOn(event -> event.userId().equals(user.id()))
                .singleElement().satisfies(event -> assertThat(event.previousPlan()).isEqualTo("pro"));

        JsonResponse unknown = send("PUT", base() + "/api/v1/users/me/subscription", "{\"plan\":\"platinum\"}",
                user.bearer());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("errors").get(0).path("field").asString()).isEqualTo("plan");
    }

    @Test
    void withoutATokenTheAccountRoutesAnswer401WithABearerChallenge() {
        JsonResponse anonymous = send("GET", base() + "/api/v1/users/me");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.body().path("type").asString()).isEqualTo("urn:problem-type:unauthorized");
        assertThat(anonymous.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value)
                .startsWith("Bearer"));
    }

    @Test
    void theJwkSetPublishesTheKeyThatSignedTheTokens() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String kid = new String(java.util.Base64.getUrlDecoder().decode(user.accessToken().split("\\.")[0]));

        JsonResponse jwks = send("GET", base() + "/.well-known/jwks.json");

        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.body().path("keys").findValuesAsString("kid")).anySatisfy(id -> assertThat(kid).contains(id));
        assertThat(jwks.body().path("keys").get(0).has("d")).as("no private part").isFalse();
    }

    private JsonResponse signUp(String email, String password, String displayName) {
        return send("POST", base() + "/api/v1/users", "{\"email\":\"%s\",\"password\":\"%s\",\"displayName\":\"%s\"}"
                .formatted(email, password, displayName));
    }

    private JsonResponse refresh(String refreshToken) {
        return send("POST", base() + "/api/v1/users/token/refresh", "{\"refreshToken\":\"%s\"}".formatted(refreshToken));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
