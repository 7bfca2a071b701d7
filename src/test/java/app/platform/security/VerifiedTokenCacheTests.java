package app.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A verified token is not verified again until it expires; then it is refused, as a fresh one would be. */
class VerifiedTokenCacheTests {

    private static final Instant ISSUED = Instant.parse("2026-11-27T10:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("someone").issuedAt(ISSUED)
                .expiresAt(ISSUED.plusSeconds(900)).build();
    };

    @Test
    void aRepeatedTokenIsVerifiedOnce() {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Clock.fixed(ISSUED, ZoneOffset.UTC));

        cache.decode("token-a");
        Jwt again = cache.decode("token-a");
        cache.decode("token-b");

        assertThat(again.getSubject()).isEqualTo("someone");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() {
        VerifiedTokenCache early = new VerifiedTokenCache(verifier, Clock.fixed(ISSUED, ZoneOffset.UTC));
        early.decode("token-a");
        VerifiedTokenCache late = new VerifiedTokenCache(verifier, Clock.fixed(ISSUED.plusSeconds(900),
                ZoneOffset.UTC));

        late.decode("token-b");
        assertThatThrownBy(() -> late.decode("token-b")).isInstanceOf(BadJwtException.class);
    }
}
