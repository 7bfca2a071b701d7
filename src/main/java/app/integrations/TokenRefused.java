package app.integrations;

/** The token endpoint refused a grant ({@code invalid_grant} and the like): retrying will not help. */
class TokenRefused extends RuntimeException {

    TokenRefused(String error) {
        super(error);
    }
}
