package app.platform.web;

/** What the client asked for does not exist (or is not theirs): {@code 404} with {@code urn:problem-type:not-found}. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
