package app.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import app.platform.security.SecuritySettings;

/**
 * Issues access tokens: RS256 JWTs with the current key's {@code kid}, the configured issuer and audience, the user's
 * id as subject, and a short lifetime. They carry no plan or role: those are looked up when a request arrives, so a
 * change applies at once to tokens already issued.
 */
@Component
class AccessTokens {

    private final TokenSigningKeys keys;
    private final Clock clock;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;

    AccessTokens(TokenSigningKeys keys, Clock clock, SecuritySettings security, UsersSettings settings) {
        this.keys = keys;
        this.clock = clock;
        this.issuer = security.jwt().issuer();
        this.audience = security.jwt().audience();
        this.lifetime = settings.accessTokenLifetime();
    }

    Duration lifetime() {
        return lifetime;
    }

    String issueFor(String userId) {
        RSAKey key = keys.signingKey();
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(userId)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(), claims);
        try {
            token.sign(new RSASSASigner(key));
        }
        catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign an access token with key " + key.getKeyID(), e);
        }
        return token.serialize();
    }
}
