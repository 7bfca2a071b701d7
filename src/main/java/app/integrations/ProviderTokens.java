package app.integrations;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What a token endpoint issued (RFC 6749 section 5.1), in plain text: held in memory only until encrypted.
 *
 * @param refreshToken {@code null} if none was issued
 * @param expiresIn {@code null} if the provider did not say
 * @param scope the granted scopes, space-separated, or {@code null} if they are the requested ones
 */
record ProviderTokens(String accessToken, String refreshToken, Long expiresIn, String scope) {

    Instant expiresAt(Instant now) {
        return expiresIn == null ? null : now.plus(Duration.ofSeconds(expiresIn));
    }

    List<String> grantedScopes() {
        return scope == null || scope.isBlank() ? List.of() : Arrays.asList(scope.trim().split("\\s+"));
    }

    @Override
    public String toString() {
        return "ProviderTokens[expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
}
