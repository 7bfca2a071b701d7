package app.platform.security;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.HttpClientSupport.JsonResponse;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The BOLA matrix: user A's valid token against user B's resources, on every {@link OwnedEndpoints owned endpoint}.
 * A never learns anything of B's: B's resource answers exactly like one that does not exist, routes scoped to the
 * caller answer A's own data, and B's data is the same afterwards.
 */
@PlatformIntegrationTest
class ObjectLevelAuthorizationTests {

    @LocalServerPort
    int port;

    static List<OwnedEndpoint> ownedEndpoints() {
        return OwnedEndpoints.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownedEndpoints")
    void anotherUsersTokenNeitherSeesNorChangesTheOwnersResource(OwnedEndpoint endpoint) {
        TestUser owner = TestUsers.signUpAndLogIn(base());
        TestUser intruder = TestUsers.signUpAndLogIn(base());
        String resourceId = endpoint.createResource().apply(base(), owner);
        JsonResponse ownersViewBefore = ownersView(endpoint, owner, resourceId);

        JsonResponse answer = send(endpoint.method(), base() + endpoint.path().of(owner, resourceId), endpoint.body(),
                intruder.bearer());

        assertThat(answer.status()).isEqualTo(endpoint.expectedStatus());
        assertThat(answer.body().toString()).doesNotContain(owner.email());
        if (endpoint.expectedStatus() == 404) {
            String missingId = UUID.randomUUID().toString();
            JsonResponse missing = send(endpoint.method(), base() + endpoint.path().of(owner, missingId),
                    endpoint.body(), intruder.bearer());
            assertThat(withoutEchoes(answer.body()))
                    .as("someone else's resource looks exactly like one that does not exist")
                    .isEqualTo(withoutEchoes(missing.body()));
        }
        else {
            assertThat(answer.body().toString()).doesNotContain(owner.id());
        }
        assertThat(ownersView(endpoint, owner, resourceId).body()).as("the owner's data is unchanged")
                .isEqualTo(ownersViewBefore.body());
    }

    /** The problem without what echoes the request (its id, path and the id asked for). */
    private static JsonNode withoutEchoes(JsonNode problem) {
        ObjectNode copy = (ObjectNode) problem.deepCopy();
        copy.remove(List.of("requestId", "instance", "detail"));
        return copy;
    }

    private JsonResponse ownersView(OwnedEndpoint endpoint, TestUser owner, String resourceId) {
        return send("GET", base() + endpoint.ownerView().of(owner, resourceId), null, owner.bearer());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
