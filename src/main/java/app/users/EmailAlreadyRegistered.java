package app.users;

import org.springframework.http.HttpStatus;

import app.platform.web.ProblemException;

/** A sign-up with an address another account has (compared case-insensitively). */
class EmailAlreadyRegistered extends ProblemException {

    EmailAlreadyRegistered() {
        super(HttpStatus.CONFLICT, UsersProblems.EMAIL_ALREADY_REGISTERED, "E-mail already registered",
                "An account with this e-mail address exists. Log in, or sign up with another address.");
    }
}
