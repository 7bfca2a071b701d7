package app.platform.security;

import java.util.function.BiFunction;

import app.platform.operations.TestUsers.TestUser;

/**
 * One row of the object-level authorization matrix: an endpoint that reads or changes something a user owns.
 *
 * @param name what the row checks
 * @param method the HTTP method
 * @param path the path, given the owner and the id of the owner's resource
 * @param body the JSON body, or {@code null}
 * @param createResource makes a resource for its owner through the API (at the given base URL) and answers its id
 * @param expectedStatus what a caller who is not the owner gets: {@code 404} for a path naming another user's
 *     resource; {@code 200} for routes scoped to the caller ({@code /me}), whose answers must then be the caller's own
 * @param ownerView the path where the owner reads the resource, to check that it did not change
 */
record OwnedEndpoint(String name, String method, PathOf path, String body,
        BiFunction<String, TestUser, String> createResource, int expectedStatus, PathOf ownerView) {

    /** A path built from the owner and the id of the owner's resource. */
    interface PathOf {
        String of(TestUser owner, String resourceId);
    }

    @Override
    public String toString() {
        return name;
    }
}
