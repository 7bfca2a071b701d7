package app.platform.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authenticated caller of a request: the subject of its access token. Declare a controller method parameter of
 * this type to receive it; every owned resource is looked up by this id, so another user's resource is never found.
 *
 * @param id the user's id
 */
public record CurrentUser(String id) {

    /**
     * The caller of the current request if it sent a valid access token, for routes that also accept other
     * credentials (an {@link AnonymousRoute} that authenticates by itself).
     */
    public static Optional<CurrentUser> fromAccessToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(new CurrentUser(token.getToken().getSubject()));
        }
        return Optional.empty();
    }
}
