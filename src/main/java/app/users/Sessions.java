package app.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import app.platform.dynamodb.StaleItem;
import app.platform.ratelimit.RateLimit;
import app.platform.ratelimit.RateLimitDecision;
import app.platform.ratelimit.RateLimiter;

/**
 * Log-in and token refresh.
 *
 * <p>A log-in is refused for a while after repeated failures for the account or from the client address (budgets of
 * the platform's rate limiter, shared by all instances). It checks the password (against a dummy hash when the
 * address is unknown, so both failures cost the same time and give the same answer) and starts a refresh token
 * family. A refresh token is {@code <id>.<secret>}; it is spent by a versioned write when exchanged, so it works
 * once. Presenting a spent token again, or losing the race to spend it, revokes its whole family: a stolen token is
 * then useless to the thief and to the owner alike, who logs in again.
 */
@Service
class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EmailClaims claims;
    private final Users users;
    private final RefreshTokens refreshTokens;
    private final TokenFamilies families;
    private final PasswordEncoder passwords;
    private final AccessTokens accessTokens;
    private final Clock clock;
    private final UsersSettings settings;
    private final String unknownAccountHash;
    private final RateLimiter limiter;

    Sessions(EmailClaims claims, Users users, RefreshTokens refreshTokens, TokenFamilies families,
            PasswordEncoder passwords, AccessTokens accessTokens, Clock clock, UsersSettings settings,
            RateLimiter limiter) {
        this.claims = claims;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.families = families;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.clock = clock;
        this.settings = settings;
        this.unknownAccountHash = passwords.encode(UUID.randomUUID().toString());
        this.limiter = limiter;
    }

    /**
     * A pair of tokens for these credentials; {@link InvalidCredentials} otherwise, and
     * {@link TooManyLogInFailures} once the account or the client address has failed too often.
     */
    IssuedTokens logIn(String email, String password, String clientAddress) {
        if (email == null || password == null) {
            throw new InvalidCredentials();
        }
        String address = AccountRules.normalizeEmail(email);
        List<String> failureBudgets = List.of("login-failures:account:" + address,
                "login-failures:address:" + clientAddress);
        refuseIfThrottled(failureBudgets);
        Optional<User> user = claims.find(EmailClaim.key(address))
                .flatMap(claim -> users.find(User.key(claim.getUserId())));
        boolean matches = passwords.matches(password, user.map(User::getPasswordHash).orElse(unknownAccountHash));
        if (user.isEmpty() || !matches) {
            failureBudgets.forEach(budget -> limiter.consume(budget, failureLimit(budget)));
            throw new InvalidCredentials();
        }
        Instant now = clock.instant();
        TokenFamily family = TokenFamily.of(UUID.randomUUID().toString(), user.get().getId(),
                now.plus(settings.refreshTokenLifetime()));
        families.create(family);
        return issue(user.get().getId(), family.getId(), now);
    }

    /** A new pair for an unspent refresh token of a live family; {@link InvalidRefreshToken} otherwise. */
    IssuedTokens refresh(String presented) {
        String[] parts = presented == null ? new String[0] : presented.split("\\.", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new InvalidRefreshToken();
        }
        RefreshToken token = refreshTokens.find(RefreshToken.key(parts[0])).orElseThrow(InvalidRefreshToken::new);
        if (!MessageDigest.isEqual(sha256(parts[1]).getBytes(StandardCharsets.US_ASCII),
                token.getSecretHash().getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidRefreshToken();
        }
        TokenFamily family = families.find(TokenFamily.key(token.getFamilyId())).orElseThrow(InvalidRefreshToken::new);
        Instant now = clock.instant();
        if (family.isRevoked() || token.isExpiredAt(now)) {
            throw new InvalidRefreshToken();
        }
        if (token.isSpent()) {
            revoke(family, now);
            throw new InvalidRefreshToken();
        }
        token.spend(now);
        try {
            refreshTokens.save(token);
        }
        catch (StaleItem spentConcurrently) {
            revoke(family, now);
            throw new InvalidRefreshToken();
        }
        users.find(User.key(token.getUserId())).orElseThrow(InvalidRefreshToken::new);
        return issue(token.getUserId(), family.getId(), now);
    }

    private void refuseIfThrottled(List<String> failureBudgets) {
        for (String budget : failureBudgets) {
            RateLimitDecision decision = limiter.check(budget, failureLimit(budget));
            if (!decision.allowed()) {
                throw new TooManyLogInFailures(decision.retryAfter());
            }
        }
    }

    private RateLimit failureLimit(String budget) {
        int failures = budget.contains(":account:") ? settings.logInFailuresPerAccount()
                : settings.logInFailuresPerAddress();
        return new RateLimit("login-failures", failures, settings.logInFailureWindow());
    }

    private IssuedTokens issue(String userId, String familyId, Instant now) {
        String id = UUID.randomUUID().toString();
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        refreshTokens.create(RefreshToken.of(id, familyId, userId, sha256(secret),
                now.plus(settings.refreshTokenLifetime())));
        return new IssuedTokens(accessTokens.issueFor(userId), accessTokens.lifetime().toSeconds(), id + "." + secret);
    }

    private void revoke(TokenFamily family, Instant now) {
        families.updateIfChanged(TokenFamily.key(family.getId()), current -> {
            if (current.isRevoked()) {
                return false;
            }
            current.revoke(now);
            return true;
        });
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
