package app.users;

import java.net.URI;

import app.platform.web.ProblemTypes;

/** The stable Problem Details types of the users module. */
final class UsersProblems {

    static final URI EMAIL_ALREADY_REGISTERED = ProblemTypes.of("email-already-registered");
    static final URI INVALID_CREDENTIALS = ProblemTypes.of("invalid-credentials");
    static final URI INVALID_REFRESH_TOKEN = ProblemTypes.of("invalid-refresh-token");

    private UsersProblems() {
    }
}
