package app.studio;

import java.time.Instant;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import app.platform.web.ProblemException;
import app.platform.web.ProblemTypes;

/** The month's generations of the user's plan are used up; answered 429 with the time the quota resets. */
class QuotaExceeded extends ProblemException {

    QuotaExceeded(int limit, Instant resetsAt, Instant now) {
        super(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.of("quota-exceeded"), "Quota exceeded",
                "Your plan's " + limit + " generations of this month are used. The quota resets at " + resetsAt
                        + "; a larger plan raises it at once.");
        getBody().setProperty("limit", limit);
        getBody().setProperty("resetsAt", resetsAt.toString());
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, resetsAt.getEpochSecond()
                - now.getEpochSecond())));
    }
}
