package app.studio;

/** The model could not be called to the end: refused, unreachable or too slow; the message names the provider. */
class ModelUnavailable extends RuntimeException {

    ModelUnavailable(String reason, Throwable cause) {
        super(reason, cause);
    }
}
