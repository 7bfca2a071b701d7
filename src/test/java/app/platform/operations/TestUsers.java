package app.platform.operations;

import java.util.UUID;

import app.platform.operations.HttpClientSupport.JsonResponse;

/**
 * Signs up and logs in users through the API, as a client would, for tests that need callers. Each call makes a
 * new account with a unique address.
 */
public final class TestUsers {

    public static final String PASSWORD = "correct horse battery staple";

    private TestUsers() {
    }

    /** A signed-up, logged-in user. */
    public record TestUser(String id, String email, String accessToken, String refreshToken) {

        public String[] bearer() {
            return new String[] { "Authorization", "Bearer " + accessToken };
        }
    }

    public static TestUser signUpAndLogIn(String baseUrl) {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        JsonResponse signUp = HttpClientSupport.send("POST", baseUrl + "/api/v1/users",
                "{\"email\":\"%s\",\"password\":\"%s\",\"displayName\":\"Test User\"}".formatted(email, PASSWORD));
        if (signUp.status() != 201) {
            throw new IllegalStateException("Sign-up failed: " + signUp.status() + " " + signUp.body());
        }
        JsonResponse tokens = logIn(baseUrl, email, PASSWORD);
        if (tokens.status() != 200) {
            throw new IllegalStateException("Log-in failed: " + tokens.status() + " " + tokens.body());
        }
        return new TestUser(signUp.body().path("id").asString(), email, tokens.body().path("accessToken").asString(),
                tokens.body().path("refreshToken").asString());
    }

    public static JsonResponse logIn(String baseUrl, String email, String password) {
        return HttpClientSupport.send("POST", baseUrl + "/api/v1/users/login",
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password));
    }
}
