package app.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Remembers tokens this instance has already verified, so a client's repeated calls cost one RSA verification, not
 * one each. The key is the whole token (the signed bytes), so only a byte-identical token hits; a hit is still
 * refused once the token has expired. Access tokens cannot be revoked before they expire either way.
 */
class VerifiedTokenCache implements JwtDecoder {

    private static final Duration AT_MOST = Duration.ofMinutes(5);

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(AT_MOST)
            .build();

    VerifiedTokenCache(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        Instant now = clock.instant();
        if (known != null) {
            if (known.getExpiresAt() != null && !now.isBefore(known.getExpiresAt())) {
                verified.invalidate(token);
                throw new BadJwtException("The access token has expired");
            }
            return known;
        }
        Jwt jwt = decoder.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
