package app.platform.push;

import java.security.Principal;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Takes the session's user from the handshake when it carries an access token: the {@code Authorization} header
 * (verified by the security chain) or {@code ?access_token=} (for browsers, which cannot set headers on a WebSocket).
 * A handshake without a valid token still opens the connection; its {@code CONNECT} frame must then carry one.
 */
class TokenHandshakeHandler extends DefaultHandshakeHandler {

    private final StompAuthentication authentication;

    TokenHandshakeHandler(StompAuthentication authentication) {
        this.authentication = authentication;
    }

    @Override
    protected @Nullable Principal determineUser(ServerHttpRequest request, WebSocketHandler handler,
            Map<String, Object> attributes) {
        String queryToken = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams()
                .getFirst("access_token");
        if (queryToken != null && !queryToken.isBlank()) {
            try {
                return authentication.userOf(queryToken);
            }
            catch (StompRefused invalid) {
                return null;
            }
        }
        if (request.getPrincipal() instanceof JwtAuthenticationToken token) {
            return new StompUser(token.getToken().getSubject(), token.getToken().getExpiresAt());
        }
        return null;
    }
}
