package app.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Base of a module's named failure that a client should see as Problem Details with the module's own stable
 * {@code type} (e.g. {@code EmailAlreadyRegistered} as {@code 409 urn:problem-type:email-already-registered}).
 * Headers such as {@code Retry-After} go in {@link #getHeaders()}.
 */
public abstract class ProblemException extends ErrorResponseException {

    protected ProblemException(HttpStatus status, URI type, String title, String detail) {
        super(status, problem(status, type, title, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
