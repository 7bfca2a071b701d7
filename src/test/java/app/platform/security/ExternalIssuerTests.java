package app.platform.security;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import app.Application;

/**
 * An external OpenID provider (as Amazon Cognito is) by configuration alone: {@code app.security.jwt.issuer-uri}
 * and {@code audience-claim=client_id}. The provider here is a local HTTP server that publishes OpenID discovery and
 * its keys the way Cognito does; the application discovers them and accepts the provider's access tokens only.
 */
class ExternalIssuerTests {

    private static final String CLIENT_ID = "content-platform-web";
    private static HttpServer provider;
    private static RSAKey providerKey;
    private static ConfigurableApplicationContext application;

    @BeforeAll
    static void start() throws Exception {
        providerKey = new RSAKeyGenerator(2048).keyID("cognito-key-1").generate();
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String issuer = "http://127.0.0.1:" + provider.getAddress().getPort() + "/us-east-1_Example";
        serve("/us-east-1_Example/.well-known/openid-configuration", """
                {"issuer":"%s","jwks_uri":"%s/.well-known/jwks.json","subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"response_types_supported":["code"]}"""
                .formatted(issuer, issuer));
        serve("/us-east-1_Example/.well-known/jwks.json", new JWKSet(providerKey.toPublicJWK()).toString());
        provider.start();
        application = new SpringApplicationBuilder(Application.class).profiles("test").run("--server.port=0",
                "--spring.modulith.events.republish-outstanding-events-on-restart=false",
                "--app.security.jwt.issuer-uri=" + issuer, "--app.security.jwt.audience=" + CLIENT_ID,
                "--app.security.jwt.audience-claim=client_id");
    }

    @AfterAll
    static void stop() {
        application.close();
        provider.stop(0);
    }

    @Test
    void theProvidersAccessTokensAreAcceptedAndOthersRefused() throws Exception {
        String issuer = "http://127.0.0.1:" + provider.getAddress().getPort() + "/us-east-1_Example";

        assertThat(statusWith(token(providerKey, issuer, CLIENT_ID))).isEqualTo(200);
        assertThat(statusWith(token(providerKey, issuer, "another-client"))).isEqualTo(401);
        assertThat(statusWith(token(providerKey, "https://issuer.example.com", CLIENT_ID))).isEqualTo(401);
        assertThat(statusWith(token(new RSAKeyGenerator(2048).keyID("cognito-key-1").generate(), issuer, CLIENT_ID)))
                .isEqualTo(401);
    }

    private static int statusWith(String token) {
        String port = application.getBean(Environment.class).getProperty("local.server.port");
        return send("GET", "http://localhost:" + port + "/api/v1/studio/generations", null, "Authorization",
                "Bearer " + token).status();
    }

    /** A Cognito-style access token: the client in {@code client_id}, no {@code aud}. */
    private static String token(RSAKey key, String issuer, String clientId) throws Exception {
        Instant now = application.getBean(Clock.class).instant();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .subject("cognito-user-1")
                        .claim("client_id", clientId)
                        .claim("token_use", "access")
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(600)))
                        .build());
        token.sign(new RSASSASigner(key));
        return token.serialize();
    }

    private static void serve(String path, String json) {
        provider.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
            catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
