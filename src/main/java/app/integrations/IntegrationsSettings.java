package app.integrations;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The OAuth 2.0 providers users can connect, and how their tokens are kept.
 *
 * @param providers the providers by id (the {@code {provider}} of the API paths), described by configuration only
 * @param tokenCipher how tokens are encrypted at rest: {@code aes-gcm} with {@link #tokenKey}, or {@code kms}
 * @param tokenKey the AES-256 key (base64, 32 bytes) of the {@code aes-gcm} cipher; blank: a fixed development key
 *     derived in code, for local runs only (a warning is logged)
 * @param kmsKeyId the KMS key (id, ARN or alias) of the {@code kms} cipher
 * @param stateTtl how long an authorization started by {@code connect} may take before its {@code state} expires
 * @param stateSweepInterval how often pending authorizations whose state expired are removed
 * @param refreshMargin how long before its expiry an access token is refreshed
 * @param refreshSweepInterval how often tokens near their expiry are looked for
 * @param refreshBatch how many items one sweep (refresh or expired states) takes from each index partition
 * @param callbackBaseUrl the application's public base URL for the callback ({@code redirect_uri}); blank: the base
 *     URL of the {@code connect} request
 * @param afterConnectUrl where the browser goes once a connection is stored ({@code ?connected=<provider>} added)
 */
@Validated
@ConfigurationProperties("app.integrations")
record IntegrationsSettings(
        @DefaultValue Map<String, @Valid Provider> providers,
        @DefaultValue("aes-gcm") @NotNull CipherKind tokenCipher,
        @DefaultValue("") String tokenKey,
        @DefaultValue("") String kmsKeyId,
        @DefaultValue("10m") Duration stateTtl,
        @DefaultValue("1m") Duration stateSweepInterval,
        @DefaultValue("5m") Duration refreshMargin,
        @DefaultValue("1m") Duration refreshSweepInterval,
        @DefaultValue("100") @Min(1) int refreshBatch,
        @DefaultValue("") String callbackBaseUrl,
        @DefaultValue("/") String afterConnectUrl) {

    enum CipherKind {
        AES_GCM, KMS
    }

    /** How the client authenticates at the token and revocation endpoints (RFC 6749 section 2.3.1). */
    enum ClientAuthentication {
        CLIENT_SECRET_BASIC, CLIENT_SECRET_POST
    }

    /**
     * One provider (LinkedIn, X, Facebook, Instagram, ...).
     *
     * @param enabled a disabled provider is unknown to the API
     * @param revocationUri the RFC 7009 revocation endpoint, if the provider has one
     * @param scopes the scopes asked for
     * @param publishUri where the user's scheduled posts go: {@code POST} of JSON with the user's access token; none:
     *     the provider is connected but receives no posts
     */
    record Provider(
            @DefaultValue("true") boolean enabled,
            String displayName,
            URI authorizationUri,
            URI tokenUri,
            URI revocationUri,
            @DefaultValue List<String> scopes,
            String clientId,
            String clientSecret,
            @DefaultValue("client-secret-basic") ClientAuthentication clientAuthentication,
            URI publishUri) {

        Provider {
            if (enabled && (authorizationUri == null || tokenUri == null || clientId == null || clientId.isBlank())) {
                throw new IllegalArgumentException(
                        "An enabled provider needs authorization-uri, token-uri and client-id");
            }
            scopes = List.copyOf(scopes);
        }

        Optional<URI> revocation() {
            return Optional.ofNullable(revocationUri);
        }

        Optional<URI> publishing() {
            return Optional.ofNullable(publishUri);
        }
    }

    /** The enabled provider with this id. */
    Optional<Provider> provider(String id) {
        return Optional.ofNullable(providers.get(id)).filter(Provider::enabled);
    }
}
