package app.platform.security;

import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * Builds the decoder of access tokens: RS256 only (unsigned and HMAC tokens are refused), signature checked against
 * the issuer's keys, then expiry, issuer and audience.
 */
final class AccessTokenDecoders {

    private AccessTokenDecoders() {
    }

    /** Tokens signed with keys this application stores and publishes (the users module's keys). */
    static JwtDecoder fromKeys(JWKSource<SecurityContext> keys, SecuritySettings.Jwt settings) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        // Claims are checked by the validators below, which report each failure as an OAuth 2.0 error.
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(validator(settings));
        return decoder;
    }

    /** Tokens of an external OpenID provider such as Amazon Cognito, its keys discovered from its issuer URI. */
    static JwtDecoder fromIssuer(SecuritySettings.Jwt settings) {
        NimbusJwtDecoder decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(settings.issuerUri().toString());
        decoder.setJwtValidator(validator(settings));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> validator(SecuritySettings.Jwt settings) {
        String issuer = settings.issuerUri() != null ? settings.issuerUri().toString() : settings.issuer();
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                audience(settings.audienceClaim(), settings.audience()));
    }

    private static OAuth2TokenValidator<Jwt> audience(String claim, String expected) {
        OAuth2Error wrongAudience = new OAuth2Error("invalid_token", "The token is not meant for this API", null);
        return token -> {
            Object value = token.getClaims().get(claim);
            boolean matches = value instanceof List<?> values ? values.contains(expected) : expected.equals(value);
            return matches ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(wrongAudience);
        };
    }
}
