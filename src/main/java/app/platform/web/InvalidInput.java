package app.platform.web;

import java.util.List;

/**
 * Input a client can correct: answered {@code 400} with {@code urn:problem-type:invalid-input} and one entry per
 * offending field in {@code errors}.
 */
public class InvalidInput extends RuntimeException {

    /** One field's problem. */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(errors.stream().map(error -> error.field() + ": " + error.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid input"));
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
