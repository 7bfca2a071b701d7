package app.library;

import org.springframework.http.HttpStatus;

import app.platform.web.ProblemException;
import app.platform.web.ProblemTypes;

/** An edit without {@code If-Match} or {@code version}: it could silently overwrite someone else's change. */
class VersionRequired extends ProblemException {

    VersionRequired() {
        super(HttpStatus.PRECONDITION_REQUIRED, ProblemTypes.of("precondition-required"), "Version required",
                "Send the version you edited, as If-Match: \"<version>\" (the ETag of the item) or as version in the "
                        + "body.");
    }
}
