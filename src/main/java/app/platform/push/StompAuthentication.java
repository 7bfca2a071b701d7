package app.platform.push;

import java.security.Principal;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Authenticates STOMP sessions at {@code CONNECT}: the access token of the frame's {@code Authorization: Bearer}
 * header, verified like every API call's, else the user already established at the handshake. Without a valid,
 * unexpired token the client gets an {@code ERROR} frame and the connection closes.
 */
class StompAuthentication implements ChannelInterceptor {

    private static final Logger log = LoggerFactory.getLogger(StompAuthentication.class);
    private static final String BEARER = "bearer ";

    private final JwtDecoder accessTokens;
    private final Clock clock;

    StompAuthentication(JwtDecoder accessTokens, Clock clock) {
        this.accessTokens = accessTokens;
        this.clock = clock;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor frame = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (frame == null || !isConnect(frame.getCommand())) {
            return message;
        }
        String authorization = frame.getFirstNativeHeader("Authorization");
        if (authorization != null) {
            frame.setUser(userOf(bearerToken(authorization)));
            return message;
        }
        Principal fromHandshake = frame.getUser();
        if (fromHandshake instanceof StompUser user && !user.expiredAt(clock.instant())) {
            return message;
        }
        throw StompRefused.unauthorized();
    }

    /** The user of a valid access token; the cause of a refusal is logged, never sent back. */
    StompUser userOf(String token) {
        try {
            Jwt jwt = accessTokens.decode(token);
            if (jwt.getSubject() == null) {
                throw StompRefused.unauthorized();
            }
            return new StompUser(jwt.getSubject(), jwt.getExpiresAt());
        }
        catch (JwtException invalid) {
            log.debug("STOMP CONNECT refused: {}", invalid.getMessage());
            throw StompRefused.unauthorized();
        }
    }

    private static String bearerToken(String authorization) {
        String value = authorization.strip();
        if (value.length() <= BEARER.length() || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw StompRefused.unauthorized();
        }
        return value.substring(BEARER.length()).strip();
    }

    private static boolean isConnect(StompCommand command) {
        return command == StompCommand.CONNECT || command == StompCommand.STOMP;
    }
}
