package app.users;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.HttpClientSupport.JsonResponse;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;

/**
 * Access tokens that were not issued as they are, or not for this API, are refused with {@code 401}. Each case
 * changes one thing of a token that, unchanged, is accepted (the first test).
 */
@PlatformIntegrationTest
class AccessTokenTamperingTests {

    @LocalServerPort
    int port;

    @Autowired
    TokenSigningKeys keys;

    @Autowired
    Clock clock;

    @Test
    void aTokenSignedWithTheCurrentKeyForThisIssuerAndAudienceIsAccepted() throws Exception {
        TestUser user = TestUsers.signUpAndLogIn(base());

        assertThat(callWith(signed(user.id(), UnaryOperator.identity(), keys.signingKey()))).isEqualTo(200);
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64(validClaims(user.id()).build().toString());

        assertThat(callWith(header + "." + payload + ".")).isEqualTo(401);
    }

    @Test
    void aTokenSignedWithAnotherKeyUnderTheSameKidIsRefused() throws Exception {
        TestUser user = TestUsers.signUpAndLogIn(base());
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(keys.signingKey().getKeyID()).generate();

        assertThat(callWith(signed(user.id(), UnaryOperator.identity(), impostor))).isEqualTo(401);
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
        TestUser user = TestUsers.signUpAndLogIn(base());
        byte[] publicKey = keys.signingKey().toRSAPublicKey().getEncoded();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(keys.signingKey().getKeyID()).build(), validClaims(user.id()).build());
        JWSSigner hmac = new MACSigner(publicKey);
        token.sign(hmac);

        assertThat(callWith(token.serialize())).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        TestUser user = TestUsers.signUpAndLogIn(base());
        Instant longAgo = clock.instant().minusSeconds(3600);

        assertThat(callWith(signed(user.id(), claims -> claims.issueTime(Date.from(longAgo))
                .notBeforeTime(Date.from(longAgo)).expirationTime(Date.from(longAgo.plusSeconds(900))),
                keys.signingKey()))).isEqualTo(401);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() throws Exception {
        TestUser user = TestUsers.signUpAndLogIn(base());

        assertThat(callWith(signed(user.id(), claims -> claims.issuer("https://issuer.example.com"),
                keys.signingKey()))).isEqualTo(401);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        TestUser user = TestUsers.signUpAndLogIn(base());

        assertThat(callWith(signed(user.id(), claims -> claims.audience("another-api"), keys.signingKey())))
                .isEqualTo(401);
    }

    @Test
    void aTokenWithAnAlteredPayloadIsRefused() {
        TestUser user = TestUsers.signUpAndLogIn(base());
        TestUser other = TestUsers.signUpAndLogIn(base());
        String[] parts = user.accessToken().split("\\.");
        String forgedPayload = base64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(user.id(), other.id()));

        assertThat(callWith(parts[0] + "." + forgedPayload + "." + parts[2])).isEqualTo(401);
    }

    private int callWith(String token) {
        JsonResponse response = send("GET", base() + "/api/v1/users/me", null, "Authorization", "Bearer " + token);
        if (response.status() == 401) {
            assertThat(response.body().path("type").asString()).isEqualTo("urn:problem-type:unauthorized");
        }
        return response.status();
    }

    private JWTClaimsSet.Builder validClaims(String userId) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer("content-platform")
                .audience("content-platform-api")
                .subject(userId)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)));
    }

    private String signed(String userId, UnaryOperator<JWTClaimsSet.Builder> change, RSAKey key)
            throws Exception {
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), change.apply(validClaims(userId)).build());
        token.sign(new RSASSASigner(key));
        return token.serialize();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
