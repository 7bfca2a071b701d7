package app.studio;

import java.io.IOException;
import java.util.OptionalInt;

import org.springframework.http.HttpStatus;

import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;

/**
 * Tells what a failed model call means: the HTTP status if the provider answered one, and whether a retry may help.
 * Transient: the provider could not be reached (connection refused or reset), 429, any 5xx, and an error event in
 * the middle of a stream. Every other answer (400, 401, 403, 404, 422, ...) would fail again the same way.
 */
final class ModelErrors {

    /**
     * @param status the provider's HTTP status, if it answered one
     * @param transientFailure whether the same call may succeed a moment later
     * @param reason what happened, for the generation's failure reason: provider and status, never the provider's
     *     response body (which may speak of keys and accounts; it goes to the log)
     */
    record ModelError(OptionalInt status, boolean transientFailure, String reason) {
    }

    private ModelErrors() {
    }

    static ModelError classify(String provider, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof com.openai.errors.SseException || cause instanceof com.anthropic.errors.SseException) {
                // An error event inside a stream that began with 200 (Anthropic's overloaded_error, for one).
                return new ModelError(OptionalInt.empty(), true, provider + " broke off its stream with an error");
            }
            OptionalInt status = statusOf(cause);
            if (status.isPresent()) {
                int code = status.getAsInt();
                return new ModelError(status, code == 429 || code >= 500,
                        provider + " answered " + code + describe(code));
            }
            if (cause instanceof OpenAIIoException || cause instanceof AnthropicIoException
                    || cause instanceof IOException) {
                return new ModelError(OptionalInt.empty(), true, provider + " could not be reached ("
                        + rootMessage(cause) + ")");
            }
        }
        return new ModelError(OptionalInt.empty(), false, provider + " call failed: " + rootMessage(failure));
    }

    private static OptionalInt statusOf(Throwable failure) {
        if (failure instanceof OpenAIServiceException service) {
            return OptionalInt.of(service.statusCode());
        }
        if (failure instanceof AnthropicServiceException service) {
            return OptionalInt.of(service.statusCode());
        }
        return OptionalInt.empty();
    }

    private static String describe(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        return code == 529 ? " Overloaded" : status == null ? "" : " " + status.getReasonPhrase();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
