package app.platform.web;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import app.platform.dynamodb.DuplicateItem;
import app.platform.dynamodb.InvalidCursor;
import app.platform.dynamodb.StaleItem;
import app.platform.dynamodb.TransactionTooLarge;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Every error leaves as RFC 9457 Problem Details with a stable {@code type}: Spring MVC's own exceptions through
 * {@link ResponseEntityExceptionHandler}, the platform's named exceptions here, and anything unexpected as a
 * {@code 500} that says nothing of the internals (the cause is logged with the request's trace).
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    @ExceptionHandler
    ProblemDetail on(StaleItem conflict) {
        return problem(HttpStatus.CONFLICT, ProblemTypes.STALE_ITEM, "Changed by someone else", conflict.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(DuplicateItem conflict) {
        return problem(HttpStatus.CONFLICT, ProblemTypes.DUPLICATE_ITEM, "Already exists", conflict.getMessage());
    }

    /**
     * {@code 422}, not {@code 413}: the request itself may be small (one more paragraph on a long draft); what cannot
     * be stored is the state and events it produces, and {@code 413 payload-too-large} already means a request body
     * over the size limit, which a client fixes differently. The detail names no tables or keys.
     */
    @ExceptionHandler
    ProblemDetail on(TransactionTooLarge tooLarge) {
        log.info("Refused a transaction too large for one item: {}", tooLarge.getMessage());
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.TRANSACTION_TOO_LARGE, "Too large to store",
                "The change and the events it publishes exceed what one write can store (400 KB). Send less content.");
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

    /**
     * Parameters that cannot be read: the security firewall refused a name, or the servlet container could not
     * decode a form body's percent-encoding. Both surface only when something reads the parameters.
     */
    @ExceptionHandler({ RequestRejectedException.class, InvalidParameterException.class })
    ProblemDetail onUnreadableParameters(Exception rejected) {
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                "The request's URL, parameters or headers contain characters that are not allowed.");
    }

    /** A multipart body that cannot be read (no boundary, cut short); one over the size limits answers 413 instead. */
    @ExceptionHandler
    ProblemDetail on(MultipartException unreadable) {
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                "The multipart request body cannot be read.");
    }

    /** DynamoDB unreachable or throttling beyond the client's retries: the client may retry shortly. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(SdkClientException unavailable) {
        log.warn("A dependency did not answer: {}", unavailable.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.DEPENDENCY_UNAVAILABLE,
                        "Dependency unavailable", "A store this request needs does not answer. Retry in a few seconds."));
    }

    /** Spring MVC's own errors (bad JSON, wrong media type or method, unknown route...) get our stable types. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception failure, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(failure, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            if (problem.getType() == null || ABOUT_BLANK.equals(problem.getType())) {
                // Modules' own ErrorResponseExceptions come with their type; Spring MVC's get ours.
                problem.setType(typeOf(failure, status));
            }
            if (failure instanceof MethodArgumentNotValidException invalid) {
                problem.setProperty("errors", invalid.getBindingResult().getFieldErrors().stream()
                        .map(error -> new InvalidInput.FieldError(error.getField(), error.getDefaultMessage()))
                        .toList());
            }
            if (failure instanceof HttpMessageNotReadableException) {
                problem.setDetail("The request body is not valid JSON of the expected shape.");
            }
            withRequestId(problem);
        }
        return response;
    }

    private static URI typeOf(Exception failure, HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> failure instanceof HttpMessageNotReadableException ? ProblemTypes.MALFORMED_REQUEST
                    : ProblemTypes.INVALID_INPUT;
            case 404 -> ProblemTypes.NOT_FOUND;
            case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
            case 406 -> ProblemTypes.NOT_ACCEPTABLE;
            case 413 -> ProblemTypes.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ProblemTypes.DEPENDENCY_UNAVAILABLE;
            default -> status.is5xxServerError() ? ProblemTypes.INTERNAL_ERROR : ProblemTypes.of("http-" + status.value());
        };
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
        return withRequestId(problem);
    }

    private static ProblemDetail withRequestId(ProblemDetail problem) {
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }
}
