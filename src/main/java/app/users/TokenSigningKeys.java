package app.users;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import app.platform.dynamodb.DuplicateItem;

/**
 * The RSA keys that sign and verify access tokens, shared by all instances through the users table.
 *
 * <p>Time is cut into rotation periods of {@code app.users.signing-key-lifetime}. The key of the current period
 * signs; it is created by whichever instance first needs it, with a put-if-absent on its kid (derived from the
 * period), so all instances end up with the same key. The previous period's key stays published so tokens signed
 * just before a rotation verify until they expire. A token whose kid is not known yet (another instance just
 * rotated) makes this instance reload the keys, at most every few seconds.
 *
 * <p>As a {@link JWKSource} this is what the platform's access token decoder verifies against.
 */
@Component
class TokenSigningKeys implements JWKSource<SecurityContext> {

    private static final Duration RELOAD_INTERVAL = Duration.ofMinutes(1);
    private static final Duration UNKNOWN_KID_RELOAD_INTERVAL = Duration.ofSeconds(5);
    private static final int RSA_KEY_BITS = 2048;

    private final SigningKeys store;
    private final Clock clock;
    private final long periodSeconds;
    private volatile Loaded loaded = new Loaded(List.of(), Instant.EPOCH);

    private record Loaded(List<RSAKey> keys, Instant at) {
    }

    TokenSigningKeys(SigningKeys store, Clock clock, UsersSettings settings) {
        this.store = store;
        this.clock = clock;
        this.periodSeconds = settings.signingKeyLifetime().toSeconds();
    }

    /** The key that signs tokens now, created if this period has none yet. */
    RSAKey signingKey() {
        String kid = kidOf(currentPeriod());
        return find(keys(), kid).orElseGet(() -> {
            createIfAbsent(currentPeriod());
            return find(reload(), kid).orElseThrow(() -> new IllegalStateException("Signing key " + kid
                    + " was created but cannot be read back"));
        });
    }

    /** The public keys that verify tokens now: this period's and the previous one's. */
    JWKSet published() {
        long oldest = currentPeriod() - 1;
        return new JWKSet(keys().stream().filter(key -> periodOf(key) >= oldest).map(JWK.class::cast).toList())
                .toPublicJWKSet();
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        List<JWK> selected = selector.select(published());
        if (selected.isEmpty() && clock.instant().isAfter(loaded.at().plus(UNKNOWN_KID_RELOAD_INTERVAL))) {
            reload();
            selected = selector.select(published());
        }
        return selected;
    }

    private List<RSAKey> keys() {
        Loaded current = loaded;
        return clock.instant().isAfter(current.at().plus(RELOAD_INTERVAL)) ? reload() : current.keys();
    }

    private List<RSAKey> reload() {
        List<RSAKey> keys = store.newest().stream().map(TokenSigningKeys::parse).toList();
        loaded = new Loaded(keys, clock.instant());
        return keys;
    }

    private void createIfAbsent(long period) {
        try {
            RSAKey key = new RSAKeyGenerator(RSA_KEY_BITS)
                    .keyID(kidOf(period))
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            store.create(SigningKey.of(key.getKeyID(), period, key.toJSONString(), clock.instant()));
        }
        catch (DuplicateItem anotherInstanceWasFirst) {
            // Its key is the one to use.
        }
        catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA signing key", e);
        }
    }

    private long currentPeriod() {
        return clock.instant().getEpochSecond() / periodSeconds;
    }

    /** Kids sort like their periods, so the store lists the newest first. */
    private static String kidOf(long period) {
        return "k%012d".formatted(period);
    }

    private static long periodOf(RSAKey key) {
        return Long.parseLong(key.getKeyID().substring(1));
    }

    private static Optional<RSAKey> find(List<RSAKey> keys, String kid) {
        return keys.stream().filter(key -> key.getKeyID().equals(kid)).findFirst();
    }

    private static RSAKey parse(SigningKey stored) {
        try {
            return RSAKey.parse(stored.getJwk());
        }
        catch (ParseException e) {
            throw new IllegalStateException("Stored signing key " + stored.getKid() + " is not a valid RSA JWK", e);
        }
    }
}
