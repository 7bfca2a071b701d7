package app.platform.push;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * {@code ERROR} frames for refused frames say why (and echo the {@code receipt}); any other failure gets a generic
 * message, so internals never reach the client.
 */
class StompErrors extends StompSubProtocolErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(StompErrors.class);

    @Override
    public @Nullable Message<byte[]> handleClientMessageProcessingError(@Nullable Message<byte[]> clientMessage,
            Throwable failure) {
        StompRefused refused = refusal(failure);
        if (refused == null) {
            log.warn("A STOMP frame failed: {}", failure.toString());
            return super.handleClientMessageProcessingError(clientMessage,
                    new StompRefused("The server could not process the frame."));
        }
        return super.handleClientMessageProcessingError(clientMessage, refused);
    }

    private static @Nullable StompRefused refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StompRefused refused) {
                return refused;
            }
        }
        return null;
    }
}
