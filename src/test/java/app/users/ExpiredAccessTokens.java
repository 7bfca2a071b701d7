package app.users;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.springframework.context.ApplicationContext;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Access tokens that are genuine in every respect (current signing key, issuer, audience) except that they expired
 * an hour ago by the application's clock, for tests of other modules' and the platform's authentication.
 */
public final class ExpiredAccessTokens {

    private ExpiredAccessTokens() {
    }

    public static String of(ApplicationContext application, String userId) {
        RSAKey key = application.getBean(TokenSigningKeys.class).signingKey();
        Instant longAgo = application.getBean(Clock.class).instant().minusSeconds(3600);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("content-platform").audience("content-platform-api")
                .subject(userId).issueTime(Date.from(longAgo)).notBeforeTime(Date.from(longAgo))
                .expirationTime(Date.from(longAgo.plusSeconds(900))).build();
        try {
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            token.sign(new RSASSASigner(key));
            return token.serialize();
        }
        catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
