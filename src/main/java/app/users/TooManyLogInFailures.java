package app.users;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import app.platform.web.ProblemException;
import app.platform.web.ProblemTypes;

/** Log-ins refused for a while after repeated failures for one account or from one client address. */
class TooManyLogInFailures extends ProblemException {

    TooManyLogInFailures(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED, "Too many failed log-ins",
                "Too many failed log-ins for this account or from this address. Retry later.");
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds() + 1)));
    }
}
