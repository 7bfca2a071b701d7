package app.integrations;

import org.springframework.http.HttpStatus;

import app.platform.web.ProblemException;
import app.platform.web.ProblemTypes;

/**
 * A callback whose {@code state} is unknown, already used, expired or for another provider: {@code 400}. Nothing is
 * stored; the user starts again with {@code connect}.
 */
class InvalidOAuthState extends ProblemException {

    InvalidOAuthState() {
        super(HttpStatus.BAD_REQUEST, ProblemTypes.of("invalid-oauth-state"), "Invalid authorization state",
                "This authorization is unknown, expired or already completed; connect again.");
    }
}
