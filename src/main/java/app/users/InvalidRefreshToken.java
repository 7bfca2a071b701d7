package app.users;

import org.springframework.http.HttpStatus;

import app.platform.web.ProblemException;

/** A refresh token that is unknown, expired, already spent or of a revoked family: the client must log in again. */
class InvalidRefreshToken extends ProblemException {

    InvalidRefreshToken() {
        super(HttpStatus.UNAUTHORIZED, UsersProblems.INVALID_REFRESH_TOKEN, "Invalid refresh token",
                "This refresh token cannot be used. Log in again.");
    }
}
