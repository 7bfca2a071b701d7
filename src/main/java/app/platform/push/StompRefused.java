package app.platform.push;

import org.springframework.messaging.MessagingException;

/**
 * A frame the server does not accept: the client gets an {@code ERROR} frame with this message (and the frame's
 * {@code receipt} id as {@code receipt-id}), then the connection closes, as STOMP 1.2 prescribes.
 */
class StompRefused extends MessagingException {

    StompRefused(String message) {
        super(message);
    }

    static StompRefused unauthorized() {
        return new StompRefused("Unauthorized: CONNECT needs a valid access token in the 'Authorization: Bearer "
                + "<token>' header.");
    }

    static StompRefused forbidden(String destination) {
        return new StompRefused("Forbidden: you may not subscribe to " + destination + ".");
    }
}
