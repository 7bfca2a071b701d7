package app.library;

import org.springframework.http.HttpStatus;

import app.platform.web.ProblemException;
import app.platform.web.ProblemTypes;

/**
 * A collaborator's e-mail address that belongs to no user: 422, so a client tells it apart from an item that does not
 * exist (404).
 */
class UnknownCollaborator extends ProblemException {

    UnknownCollaborator() {
        super(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.of("unknown-user"), "Unknown user",
                "No user has this e-mail address. Collaborators need an account first.");
    }
}
