package app.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import app.platform.PlatformIntegrationTest;
import app.platform.time.MovableClock;

/**
 * Signing keys are stored, shared by instances and rotated per period. Each test works in rotation periods far in
 * the future, so the application's own current key is untouched.
 */
@PlatformIntegrationTest
class TokenSigningKeysTests {

    private static final Duration LIFETIME = Duration.ofDays(30);

    @Autowired
    SigningKeys store;

    @Test
    void twoInstancesStartingTogetherCreateAndUseOneKey() throws Exception {
        Clock clock = clockInPeriod(2_000);
        TokenSigningKeys first = instance(clock);
        TokenSigningKeys second = instance(clock);
        CountDownLatch start = new CountDownLatch(1);

        List<RSAKey> keys;
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<RSAKey> a = threads.submit(() -> {
                start.await();
                return first.signingKey();
            });
            Future<RSAKey> b = threads.submit(() -> {
                start.await();
                return second.signingKey();
            });
            start.countDown();
            keys = List.of(a.get(), b.get());
        }

        assertThat(keys.get(0).getKeyID()).isEqualTo(keys.get(1).getKeyID());
        assertThat(keys.get(0).getModulus()).isEqualTo(keys.get(1).getModulus());
        assertThat(verifies(second, sign(first.signingKey(), clock))).isTrue();
    }

    @Test
    void aRotationSignsWithTheNewKeyWhileTokensOfThePreviousOneStillVerify() throws Exception {
        MovableClock clock = MovableClock.stoppedAt(clockInPeriod(3_000).instant());
        TokenSigningKeys signer = instance(clock);
        TokenSigningKeys verifier = instance(clock);
        RSAKey before = signer.signingKey();
        String tokenBefore = sign(before, clock);
        assertThat(verifies(verifier, tokenBefore)).isTrue();

        clock.advance(LIFETIME);
        RSAKey after = signer.signingKey();

        assertThat(after.getKeyID()).isNotEqualTo(before.getKeyID());
        assertThat(verifies(verifier, sign(after, clock))).as("another instance learns the new kid").isTrue();
        assertThat(signer.published().getKeys()).extracting(key -> key.getKeyID())
                .contains(before.getKeyID(), after.getKeyID());

        clock.advance(LIFETIME.plusMinutes(2));
        assertThat(signer.published().getKeys()).extracting(key -> key.getKeyID())
                .doesNotContain(before.getKeyID());
    }

    private TokenSigningKeys instance(Clock clock) {
        return new TokenSigningKeys(store, clock, new UsersSettings(Duration.ofMinutes(15), Duration.ofDays(30),
                LIFETIME, Duration.ofMinutes(5), 5, 20, Duration.ofMinutes(15), Duration.ofSeconds(1),
                new UsersSettings.Demo(false, "", "", ""), Duration.ofMinutes(2)));
    }

    private static Clock clockInPeriod(long period) {
        return Clock.fixed(Instant.ofEpochSecond(period * LIFETIME.toSeconds() + 3600), ZoneOffset.UTC);
    }

    private static String sign(RSAKey key, Clock clock) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("someone")
                .expirationTime(Date.from(clock.instant().plusSeconds(600))).build();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        token.sign(new RSASSASigner(key));
        return token.serialize();
    }

    private static boolean verifies(TokenSigningKeys keys, String token) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        try {
            processor.process(token, null);
            return true;
        }
        catch (Exception refused) {
            return false;
        }
    }
}
