package app.platform.security;

import java.util.List;

import app.platform.operations.TestUsers.TestUser;

/**
 * Every endpoint that touches what a user owns. A module that adds such an endpoint adds its rows here, so
 * {@link ObjectLevelAuthorizationTests} proves no other user reaches it.
 */
final class OwnedEndpoints {

    private OwnedEndpoints() {
    }

    static List<OwnedEndpoint> all() {
        return List.of(
                new OwnedEndpoint("users: read an account by id", "GET",
                        (owner, id) -> "/api/v1/users/" + id, null, TestUser::id, 404, OwnedEndpoints::myAccount),
                new OwnedEndpoint("users: read my account", "GET",
                        (owner, id) -> "/api/v1/users/me", null, TestUser::id, 200, OwnedEndpoints::myAccount),
                new OwnedEndpoint("users: change my profile", "PATCH",
                        (owner, id) -> "/api/v1/users/me", "{\"displayName\":\"Intruder\",\"tone\":\"loud\"}",
                        TestUser::id, 200, OwnedEndpoints::myAccount),
                new OwnedEndpoint("users: change my plan", "PUT",
                        (owner, id) -> "/api/v1/users/me/subscription", "{\"plan\":\"business\"}",
                        TestUser::id, 200, OwnedEndpoints::myAccount));
    }

    private static String myAccount(TestUser owner, String resourceId) {
        return "/api/v1/users/me";
    }
}
