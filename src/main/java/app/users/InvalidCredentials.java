package app.users;

import org.springframework.http.HttpStatus;

import app.platform.web.ProblemException;

/** A log-in with a wrong password or an unknown address: the answer is the same, so it tells no one which. */
class InvalidCredentials extends ProblemException {

    InvalidCredentials() {
        super(HttpStatus.UNAUTHORIZED, UsersProblems.INVALID_CREDENTIALS, "Invalid credentials",
                "The e-mail address or the password is wrong.");
    }
}
