package app.research;

import org.springframework.http.HttpStatus;

import app.platform.web.ProblemException;
import app.platform.web.ProblemTypes;

/** The user already has as many trackers as one account may have. */
class TrackerLimitReached extends ProblemException {

    TrackerLimitReached(int limit) {
        super(HttpStatus.CONFLICT, ProblemTypes.of("tracker-limit-reached"), "Tracker limit reached",
                "An account may track at most " + limit + " keywords; delete a tracker to add another.");
        getBody().setProperty("limit", limit);
    }
}
