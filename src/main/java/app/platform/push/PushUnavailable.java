package app.platform.push;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import app.platform.web.ProblemException;
import app.platform.web.ProblemTypes;

/** Redis, which holds the streams' history and tickets, does not answer: {@code 503}, retry shortly. */
public class PushUnavailable extends ProblemException {

    PushUnavailable() {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.DEPENDENCY_UNAVAILABLE, "Dependency unavailable",
                "The event stream's store does not answer. Retry in a few seconds.");
        getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
    }
}
