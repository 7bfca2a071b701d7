package app.library;

import org.springframework.http.HttpStatus;

import app.platform.web.ProblemException;
import app.platform.web.ProblemTypes;

/** The export has no archive (yet): {@code 409 urn:problem-type:export-not-ready} with the export's status. */
class ExportNotReady extends ProblemException {

    ExportNotReady(String id, String status) {
        super(HttpStatus.CONFLICT, ProblemTypes.of("export-not-ready"), "Export not ready",
                "Export " + id + " is " + status + "; its archive can be downloaded once it is COMPLETED");
        getBody().setProperty("status", status);
    }
}
