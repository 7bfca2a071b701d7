package app.library;

import org.springframework.http.HttpStatus;

import app.platform.web.ProblemException;
import app.platform.web.ProblemTypes;

/** An edit sent with {@code If-Match} for a version that is no longer the current one. */
class VersionMismatch extends ProblemException {

    VersionMismatch(long expected, long current) {
        super(HttpStatus.PRECONDITION_FAILED, ProblemTypes.of("precondition-failed"), "Changed by someone else",
                "You edited version " + expected + " but the item is at version " + current
                        + ". Read it again and reapply your change.");
        getBody().setProperty("currentVersion", current);
    }
}
