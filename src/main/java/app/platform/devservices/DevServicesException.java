package app.platform.devservices;

/** A local engine could not be started; the message says what to install or change. */
public class DevServicesException extends RuntimeException {

    DevServicesException(String message) {
        super(message);
    }

    DevServicesException(String message, Throwable cause) {
        super(message, cause);
    }
}
