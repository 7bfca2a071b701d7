package app.platform.security;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/**
 * How {@code /api/v1/**} authenticates callers and which browser origins may call it.
 *
 * @param jwt the access tokens accepted
 * @param cors the origins (scheme, host and port) whose pages may call the API from a browser; none by default,
 *     since the application's own page is same-origin
 */
@Validated
@ConfigurationProperties("app.security")
public record SecuritySettings(@Valid @DefaultValue Jwt jwt, @DefaultValue List<String> corsAllowedOrigins) {

    /**
     * The access tokens accepted: RS256 JWTs of this issuer for this audience.
     *
     * @param issuer the {@code iss} every token must carry
     * @param audience the value the audience claim must contain
     * @param audienceClaim the claim that names the audience: {@code aud}, or {@code client_id} for Amazon Cognito
     *     access tokens
     * @param issuerUri an external OpenID provider (e.g. Amazon Cognito's
     *     {@code https://cognito-idp.<region>.amazonaws.com/<pool-id>}): its keys are discovered from there instead of
     *     the application's own stored keys
     */
    public record Jwt(@NotBlank @DefaultValue("content-platform") String issuer,
            @NotBlank @DefaultValue("content-platform-api") String audience,
            @NotBlank @DefaultValue("aud") String audienceClaim, URI issuerUri) {
    }
}
