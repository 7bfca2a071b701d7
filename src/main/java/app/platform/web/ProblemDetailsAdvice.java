package app.platform.web;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import app.platform.dynamodb.DuplicateItem;
import app.platform.dynamodb.InvalidCursor;
import app.platform.dynamodb.StaleItem;

/**
 * Every error leaves as RFC 9457 Problem Details with a stable {@code type}: Spring MVC's own exceptions through
 * {@link ResponseEntityExceptionHandler}, the platform's named exceptions here, and anything unexpected as a
 * {@code 500} that says nothing of the internals (the cause is logged with the request's trace).
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler
    ProblemDetail on(StaleItem conflict) {
        return problem(HttpStatus.CONFLICT, ProblemTypes.STALE_ITEM, "Changed by someone else", conflict.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(DuplicateItem conflict) {
        return problem(HttpStatus.CONFLICT, ProblemTypes.DUPLICATE_ITEM, "Already exists", conflict.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(InvalidCursor invalid) {
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_CURSOR, "Invalid cursor", invalid.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(InvalidInput invalid) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_INPUT, "Invalid input",
                invalid.getMessage());
        problem.setProperty("errors", invalid.errors());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail on(NotFound missing) {
        return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", missing.getMessage());
    }

    @ExceptionHandler
    ProblemDetail onUnexpected(Exception failure) {
        log.error("Unhandled failure", failure);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR, "Internal error",
                "The request failed on our side. It is safe to retry later.");
    }

    static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
