package app.platform.push;

import java.security.Principal;
import java.time.Instant;

/**
 * The user of a STOMP session, from the access token of its {@code CONNECT} frame (or of its handshake). Its name is
 * the user's id, the name Spring's user destinations resolve.
 *
 * @param expiresAt when the access token expires; the session may no longer subscribe from then on
 */
record StompUser(String id, Instant expiresAt) implements Principal {

    @Override
    public String getName() {
        return id;
    }

    boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
