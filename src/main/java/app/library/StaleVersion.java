package app.library;

import org.springframework.http.HttpStatus;

import app.platform.web.ProblemException;
import app.platform.web.ProblemTypes;

/** An edit whose {@code version} field is no longer the item's current version. */
class StaleVersion extends ProblemException {

    StaleVersion(long expected, long current) {
        super(HttpStatus.CONFLICT, ProblemTypes.STALE_ITEM, "Changed by someone else",
                "You edited version " + expected + " but the item is at version " + current + ".");
        getBody().setProperty("currentVersion", current);
    }
}
