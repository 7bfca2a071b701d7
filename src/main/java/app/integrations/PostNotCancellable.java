package app.integrations;

import org.springframework.http.HttpStatus;

import app.platform.web.ProblemException;
import app.platform.web.ProblemTypes;

/** A post that already went out (or is going out, or is settled) cannot be cancelled. */
class PostNotCancellable extends ProblemException {

    PostNotCancellable(String id, PostStatus status) {
        super(HttpStatus.CONFLICT, ProblemTypes.of("post-not-cancellable"), "Post cannot be cancelled",
                "Post " + id + " is " + status + "; only a scheduled post can be cancelled.");
        getBody().setProperty("status", status.name());
    }
}
