package app.integrations;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.util.UriComponentsBuilder;

import app.integrations.IntegrationsSettings.Provider;
import app.platform.dynamodb.StaleItem;
import app.platform.web.NotFound;

/**
 * Connects users to providers with the OAuth 2.0 authorization code flow and PKCE (S256), keeps their tokens
 * (encrypted) fresh, and disconnects them.
 *
 * <p>{@link #start} stores a pending authorization under the hash of a random {@code state}, bound to the user and
 * the provider, with the PKCE code verifier. The browser comes back to the callback with that state and no access
 * token: {@link #complete} consumes the pending authorization with one conditional delete (so a state works once),
 * refuses an expired one or one for another provider, and exchanges the code. Only then is the connection written.
 */
@Service
class ConnectionManagement {

    private static final Logger log = LoggerFactory.getLogger(ConnectionManagement.class);
    private static final SecureRandom random = new SecureRandom();

    private final IntegrationsSettings settings;
    private final Connections connections;
    private final PendingAuthorizations pending;
    private final ProviderClient providers;
    private final TokenCipher cipher;
    private final Clock clock;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;

    ConnectionManagement(IntegrationsSettings settings, Connections connections, PendingAuthorizations pending,
            ProviderClient providers, TokenCipher cipher, Clock clock, TransactionOperations transactions,
            ApplicationEventPublisher events) {
        this.settings = settings;
        this.connections = connections;
        this.pending = pending;
        this.providers = providers;
        this.cipher = cipher;
        this.clock = clock;
        this.transactions = transactions;
        this.events = events;
    }

    /** Where to send the user's browser, and the state that will come back with it. */
    record Authorization(String authorizationUrl, String state) {
    }

    /**
     * Starts a connection: a pending authorization for the user and the provider, and the provider's authorization
     * URL for it.
     *
     * @param callbackBase the application's base URL, used for the {@code redirect_uri} unless one is configured
     */
    Authorization start(String owner, String providerId, String callbackBase) {
        Provider provider = provider(providerId);
        String state = randomToken();
        String verifier = randomToken();
        String base = settings.callbackBaseUrl().isBlank() ? callbackBase : settings.callbackBaseUrl();
        String redirectUri = stripTrailingSlash(base) + "/api/v1/integrations/" + providerId + "/callback";
        pending.add(PendingAuthorization.of(state, owner, providerId, cipher.encrypt(verifier), redirectUri,
                clock.instant().plus(settings.stateTtl())));
        UriComponentsBuilder url = UriComponentsBuilder.fromUri(provider.authorizationUri())
                .queryParam("response_type", "code")
                .queryParam("client_id", provider.clientId())
                .queryParam("redirect_uri", redirectUri)
                .queryParam("state", state)
                .queryParam("code_challenge", challengeOf(verifier))
                .queryParam("code_challenge_method", "S256");
        if (!provider.scopes().isEmpty()) {
            url.queryParam("scope", String.join(" ", provider.scopes()));
        }
        return new Authorization(url.encode().build().toUriString(), state);
    }

    /**
     * Completes a connection from the provider's callback. The state is consumed whatever happens next, so it
     * never works twice.
     *
     * @param error the provider's {@code error} parameter, if it sent one instead of a code
     */
    void complete(String providerId, String code, String state, String error) {
        Provider provider = provider(providerId);
        PendingAuthorization authorization = pending.consume(state).orElseThrow(InvalidOAuthState::new);
        Instant now = clock.instant();
        if (authorization.isExpiredAt(now) || !providerId.equals(authorization.getProvider())) {
            throw new InvalidOAuthState();
        }
        if (error != null && !error.isBlank()) {
            throw new AuthorizationRefused(providerId, error);
        }
        if (code == null || code.isBlank()) {
            throw new AuthorizationRefused(providerId, "no authorization code");
        }
        ProviderTokens tokens;
        try {
            tokens = providers.exchangeCode(providerId, provider, code, cipher.decrypt(authorization.getCodeVerifier()),
                    authorization.getRedirectUri());
        }
        catch (TokenRefused refused) {
            throw new AuthorizationRefused(providerId, refused.getMessage());
        }
        String owner = authorization.getOwner();
        connections.updateOrCreate(Connection.key(owner, providerId), () -> Connection.of(owner, providerId),
                connection -> {
                    connection.connected(now);
                    connection.tokensIssued(cipher.encrypt(tokens.accessToken()),
                            tokens.refreshToken() == null ? null : cipher.encrypt(tokens.refreshToken()),
                            tokens.expiresAt(now),
                            tokens.grantedScopes().isEmpty() ? provider.scopes() : tokens.grantedScopes());
                });
        log.info("User {} connected {}", owner, providerId);
    }

    List<Connection> connectionsOf(String owner) {
        return connections.of(owner);
    }

    /**
     * Removes the user's connection, revoking its token at the provider where it has a revocation endpoint. A failed
     * revocation is logged and the connection removed all the same: the user asked to be disconnected.
     */
    void disconnect(String owner, String providerId) {
        Connection connection = connections.find(Connection.key(owner, providerId))
                .orElseThrow(() -> new NotFound("Not connected to " + providerId));
        settings.provider(providerId).ifPresent(provider -> provider.revocation()
                .ifPresent(revocation -> revoke(providerId, provider, revocation, connection)));
        connections.delete(Connection.key(owner, providerId));
        log.info("User {} disconnected {}", owner, providerId);
    }

    private void revoke(String providerId, Provider provider, URI revocation, Connection connection) {
        try {
            // Revoking the refresh token ends the whole grant (RFC 7009 section 2.1); the access token otherwise.
            boolean refresh = connection.getRefreshToken() != null;
            String token = cipher.decrypt(refresh ? connection.getRefreshToken() : connection.getAccessToken());
            if (!providers.revoke(providerId, provider, revocation, token, refresh ? "refresh_token" : "access_token")) {
                log.warn("The token of user {} at {} could not be revoked; disconnected all the same",
                        connection.getOwner(), providerId);
            }
        }
        catch (IllegalStateException undecryptable) {
            log.warn("The token of user {} at {} cannot be decrypted to revoke it; disconnected all the same",
                    connection.getOwner(), providerId);
        }
    }

    /**
     * A usable access token for the user at the provider, refreshed first if it expires within the margin; empty if
     * the user is not connected or the token cannot be refreshed now.
     */
    Optional<String> accessToken(String owner, String providerId) {
        Optional<Connection> found = connections.find(Connection.key(owner, providerId))
                .filter(Connection::isConnected);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Connection connection = found.get();
        Instant now = clock.instant();
        if (connection.expiresWithin(settings.refreshMargin(), now)) {
            Optional<Connection> refreshed = refresh(connection);
            if (refreshed.isEmpty() && connection.expiresWithin(Duration.ZERO, now)) {
                return Optional.empty();
            }
            connection = refreshed.orElse(connection);
        }
        return connection.isConnected() ? Optional.of(cipher.decrypt(connection.getAccessToken()))
                : Optional.empty();
    }

    /**
     * Refreshes a connection's access token. A refusal (or no refresh token once the access token has expired)
     * marks the connection {@code EXPIRED} and publishes {@link IntegrationExpired}; a provider that does not
     * answer leaves it for the next attempt.
     *
     * @return the connection as stored afterwards, or empty if it was left as it was
     */
    Optional<Connection> refresh(Connection connection) {
        String providerId = connection.getProvider();
        Optional<Provider> provider = settings.provider(providerId);
        if (provider.isEmpty()) {
            log.warn("Connection of user {} to {}: the provider is no longer configured", connection.getOwner(),
                    providerId);
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (connection.getRefreshToken() == null) {
            return connection.expiresWithin(Duration.ZERO, now)
                    ? expire(connection, provider.get(), "the provider issued no refresh token")
                    : Optional.empty();
        }
        ProviderTokens tokens;
        try {
            tokens = providers.refresh(providerId, provider.get(), cipher.decrypt(connection.getRefreshToken()));
        }
        catch (TokenRefused refused) {
            return expire(connection, provider.get(), "the provider refused to refresh the token ("
                    + refused.getMessage() + ")");
        }
        catch (ProviderUnavailable unavailable) {
            log.warn("Refresh of user {}'s token at {} failed; retrying later", connection.getOwner(), providerId);
            return Optional.empty();
        }
        connection.tokensIssued(cipher.encrypt(tokens.accessToken()),
                tokens.refreshToken() == null ? null : cipher.encrypt(tokens.refreshToken()), tokens.expiresAt(now),
                tokens.grantedScopes());
        try {
            connections.save(connection);
        }
        catch (StaleItem concurrently) {
            // Refreshed or disconnected meanwhile by another caller: its outcome stands.
            return connections.find(Connection.key(connection.getOwner(), providerId));
        }
        log.info("Refreshed user {}'s token at {}", connection.getOwner(), providerId);
        return Optional.of(connection);
    }

    private Optional<Connection> expire(Connection connection, Provider provider, String reason) {
        connection.expired();
        try {
            transactions.executeWithoutResult(status -> {
                connections.save(connection);
                events.publishEvent(new IntegrationExpired(UUID.randomUUID(), connection.getOwner(),
                        connection.getProvider(), displayName(connection.getProvider(), provider), reason));
            });
        }
        catch (StaleItem concurrently) {
            return connections.find(Connection.key(connection.getOwner(), connection.getProvider()));
        }
        log.info("User {}'s connection to {} expired: {}", connection.getOwner(), connection.getProvider(), reason);
        return Optional.of(connection);
    }

    static String displayName(String providerId, Provider provider) {
        return provider.displayName() == null || provider.displayName().isBlank() ? providerId
                : provider.displayName();
    }

    private Provider provider(String providerId) {
        return settings.provider(providerId).orElseThrow(() -> new NotFound("No provider " + providerId));
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** RFC 7636 section 4.2: BASE64URL(SHA256(ASCII(code_verifier))). */
    static String challengeOf(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
