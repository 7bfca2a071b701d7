package app.platform.operations;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.HttpClientSupport.JsonResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What an operator and a client see of the running application: health, tables, info and errors. */
@PlatformIntegrationTest
class OperationsTests {

    @LocalServerPort
    int port;

    @Autowired
    DynamoDbClient dynamoDb;

    @Autowired
    WebServerApplicationContext webServer;

    @Autowired
    @Qualifier("applicationTaskExecutor")
    Executor applicationTaskExecutor;

    @Test
    void healthIsUpAnonymouslyAndShowsDynamoDbAndRedis() {
        JsonResponse health = get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asString()).isEqualTo("UP");
        assertThat(health.body().path("components").path("dynamodb").path("status").asString()).isEqualTo("UP");
        assertThat(health.body().path("components").path("redis").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void livenessAndReadinessAreProbesOfTheirOwn() {
        JsonResponse liveness = get("/actuator/health/liveness");

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.body().path("status").asString()).isEqualTo("UP");
        assertThat(get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void requestsAndListenersRunOnPlatformThreads() throws Exception {
        Executor requestThreads = ((TomcatWebServer) webServer.getWebServer()).getTomcat().getConnector()
                .getProtocolHandler().getExecutor();

        assertThat(threadThatRuns(requestThreads).isVirtual()).as("a request thread is virtual").isFalse();
        assertThat(threadThatRuns(applicationTaskExecutor).isVirtual()).as("a listener thread is virtual").isFalse();
    }

    @Test
    void everyModuleAndThePlatformHasAPrefixedTable() {
        assertThat(dynamoDb.listTables().tableNames()).contains("test-platform", "test-studio", "test-brand",
                "test-research", "test-integrations", "test-tools", "test-users", "test-library", "test-analytics",
                "test-notification");
    }

    @Test
    void infoShowsTheInstallationRecordedAtStartUp() {
        JsonResponse info = get("/actuator/info");

        assertThat(info.body().path("installation").path("id").asString()).isNotBlank();
        assertThat(info.body().path("installation").path("starts").asLong()).isPositive();
    }

    @Test
    void modulithEndpointDescribesTheNineModules() {
        JsonResponse modules = get("/actuator/modulith");

        assertThat(modules.status()).isEqualTo(200);
        assertThat(modules.body().propertyNames()).contains("studio", "brand", "research", "integrations",
                "tools", "users", "library", "analytics", "notification");
    }

    @Test
    void aStaleWriteIsA409ProblemWithAStableType() {
        String owner = "owner-" + UUID.randomUUID();
        assertThat(send("PUT", url("/test/notes/" + owner + "/n1?text=a")).status()).isEqualTo(200);
        assertThat(send("PUT", url("/test/notes/" + owner + "/n1?text=b&version=1")).status()).isEqualTo(200);

        JsonResponse stale = send("PUT", url("/test/notes/" + owner + "/n1?text=c&version=1"));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.body().path("type").asString()).isEqualTo("urn:problem-type:stale-item");
    }

    @Test
    void aDuplicateCreateIsA409ProblemOfItsOwnType() {
        String owner = "owner-" + UUID.randomUUID();
        send("PUT", url("/test/notes/" + owner + "/n1?text=a"));

        JsonResponse duplicate = send("PUT", url("/test/notes/" + owner + "/n1?text=a"));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().path("type").asString()).isEqualTo("urn:problem-type:duplicate-item");
    }

    @Test
    void aCollectionReturnsTwentyItemsByDefaultAndRefusesALimitOutsideOneToAHundred() {
        String owner = "owner-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            send("PUT", url("/test/notes/" + owner + "/n" + i + "?text=t"));
        }

        JsonResponse all = get("/test/notes/" + owner);
        assertThat(all.body().path("items")).hasSize(3);
        assertThat(all.body().path("nextCursor").isNull()).isTrue();
        for (String limit : new String[] { "0", "101", "many" }) {
            JsonResponse refused = get("/test/notes/" + owner + "?limit=" + limit);
            assertThat(refused.status()).as("limit=%s", limit).isEqualTo(400);
            assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo("limit");
        }
    }

    @Test
    void collectionsAnswerItemsAndAnOpaqueNextCursorThatATamperedCopyCannotReuse() {
        String owner = "owner-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            send("PUT", url("/test/notes/" + owner + "/n" + i + "?text=t"));
        }

        JsonResponse first = get("/test/notes/" + owner + "?limit=2");
        String cursor = first.body().path("nextCursor").asString();
        JsonResponse second = get("/test/notes/" + owner + "?limit=2&cursor=" + cursor);
        JsonResponse foreign = get("/test/notes/other-owner?cursor=" + cursor);

        assertThat(first.body().path("items")).hasSize(2);
        assertThat(second.body().path("items")).hasSize(1);
        assertThat(second.body().path("nextCursor").isNull()).isTrue();
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body().path("type").asString()).isEqualTo("urn:problem-type:invalid-cursor");
    }

    @Test
    void anUnexpectedFailureIsA500ProblemThatRevealsNoInternals() {
        JsonResponse failure = get("/test/failure");

        assertThat(failure.status()).isEqualTo(500);
        assertThat(failure.body().path("type").asString()).isEqualTo("urn:problem-type:internal-error");
        assertThat(failure.body().toString()).doesNotContain("secret internal detail", "Exception", "at app.");
    }

    @Test
    void anUnknownRouteIsA404Problem() {
        JsonResponse missing = get("/nothing-here");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    private static Thread threadThatRuns(Executor executor) throws Exception {
        CompletableFuture<Thread> ranOn = new CompletableFuture<>();
        executor.execute(() -> ranOn.complete(Thread.currentThread()));
        return ranOn.get(5, TimeUnit.SECONDS);
    }

    private JsonResponse get(String path) {
        return send("GET", url(path));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
