package app.platform.operations;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real OAuth 2.0 authorization server (Spring Authorization Server) in the test JVM, on a loopback port of its own:
 * one registered client that must use PKCE, no consent page, one user who logs in through the server's form login.
 * It issues opaque access tokens, refresh tokens, and answers revocation and introspection.
 *
 * <p>Started once per JVM, on first use, in a plain servlet web server context of its own (no auto-configuration and
 * nothing from the application). The test profile points a provider at it through the {@code oauth-test-server.url}
 * property, which {@link OAuthTestServerEnvironmentPostProcessor} resolves by starting it, so every
 * {@code PlatformIntegrationTest} class shares the one application context.
 */
public final class OAuthTestServer {

    public static final String CLIENT_ID = "content-platform";
    public static final String CLIENT_SECRET = "test-client-secret";
    public static final String USERNAME = "pat";
    public static final String PASSWORD = "pats-password";
    /** The provider of the test profile that uses this server. */
    public static final String PROVIDER = "test-server";

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient client = HttpClientSupport.newClient();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final List<String> revocations = new CopyOnWriteArrayList<>();
    private static final List<ReceivedPost> posts = new CopyOnWriteArrayList<>();
    private static volatile String url;

    private OAuthTestServer() {
    }

    /** The server's base URL, starting it on first use. */
    public static synchronized String url() {
        if (url == null) {
            AnnotationConfigServletWebServerApplicationContext context =
                    new AnnotationConfigServletWebServerApplicationContext(ServerConfiguration.class);
            url = "http://127.0.0.1:" + context.getWebServer().getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        }
        return url;
    }

    /** How many revocation requests the server has received. */
    /** A post the application published to the provider's publishing endpoint ({@code POST /posts}). */
    public record ReceivedPost(String authorization, String body) {
    }

    /** The posts received so far, in order. */
    public static List<ReceivedPost> posts() {
        return List.copyOf(posts);
    }

    public static int revocationRequests() {
        return revocations.size();
    }

    /** Whether the server still considers the token active (RFC 7662 introspection). */
    public static boolean isActive(String token) {
        return post("/oauth2/introspect", "token=" + encode(token)).path("active").asBoolean(false);
    }

    /** Revokes a token at the server itself, as if the user had withdrawn the grant there. */
    public static void revoke(String token) {
        post("/oauth2/revoke", "token=" + encode(token));
    }

    /**
     * Drives a browser through the authorization: follows {@code authorizationUrl}, logs in at the form login and
     * answers where the server redirects back to (the client's callback with {@code code} and {@code state}),
     * without following that last redirect.
     */
    public static URI authorizeInBrowser(String authorizationUrl) {
        try (HttpClient browser = HttpClientSupport.newClientBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build()) {
            HttpResponse<String> toLogin = get(browser, URI.create(authorizationUrl));
            URI loginPage = location(toLogin, URI.create(authorizationUrl));
            HttpResponse<String> page = get(browser, loginPage);
            Matcher csrf = CSRF.matcher(page.body());
            if (!csrf.find()) {
                throw new IllegalStateException("No login form at " + loginPage + ": " + page.body());
            }
            HttpResponse<String> loggedIn = send(browser, HttpClientSupport.request(loginPage)
                    .header("Accept", "text/html,application/xhtml+xml")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + USERNAME + "&password=" + PASSWORD
                            + "&_csrf=" + encode(csrf.group(1))))
                    .build());
            URI next = location(loggedIn, loginPage);
            // Back at the authorization endpoint, now logged in; it redirects to the client.
            for (int hop = 0; hop < 5 && next.toString().startsWith(url()); hop++) {
                next = location(get(browser, next), next);
            }
            return next;
        }
    }

    private static JsonNode post(String path, String form) {
        HttpResponse<String> response = send(client, HttpClientSupport.request(url() + path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? json.missingNode() : json.readTree(response.body());
    }

    private static URI location(HttpResponse<String> response, URI from) {
        if (response.statusCode() / 100 != 3) {
            throw new IllegalStateException(from + " answered " + response.statusCode() + ", not a redirect: "
                    + response.body());
        }
        return from.resolve(response.headers().firstValue("Location").orElseThrow());
    }

    private static HttpResponse<String> get(HttpClient browser, URI uri) {
        return send(browser, HttpClientSupport.request(uri).header("Accept", "text/html,application/xhtml+xml").GET()
                .build());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return HttpClientSupport.exchange(client, request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new IllegalStateException("Request failed: " + request.uri(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Not a {@code @Configuration}: the application's component scan must not find it. */
    @EnableWebSecurity
    static class ServerConfiguration {

        @Bean
        TomcatServletWebServerFactory webServer() {
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
            factory.setAddress(InetAddress.getLoopbackAddress());
            // Requests must reach a servlet for the security filters to run; the endpoints are all filters.
            factory.setRegisterDefaultServlet(true);
            return factory;
        }

        @Bean
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(Customizer.withDefaults())
                    .authorizeHttpRequests(requests -> requests.requestMatchers("/login", "/error").permitAll()
                            .anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        /** Counts revocation requests before the server handles them. */
        @Bean
        Filter revocationRecorder() {
            return (request, response, chain) -> {
                if (request instanceof jakarta.servlet.http.HttpServletRequest http
                        && http.getRequestURI().equals("/oauth2/revoke")) {
                    revocations.add(http.getRequestURI());
                }
                chain.doFilter(request, response);
            };
        }

        /** The provider's publishing endpoint: records each post with its Authorization header, answers 201. */
        @Bean
        Filter postsEndpoint() {
            return (request, response, chain) -> {
                if (request instanceof jakarta.servlet.http.HttpServletRequest http
                        && http.getRequestURI().equals("/posts") && http.getMethod().equals("POST")) {
                    posts.add(new ReceivedPost(http.getHeader("Authorization"),
                            new String(http.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
                    ((jakarta.servlet.http.HttpServletResponse) response).setStatus(201);
                    return;
                }
                chain.doFilter(request, response);
            };
        }

        @Bean
        RegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId(CLIENT_ID)
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    // Loopback redirect URIs match on any port (RFC 8252 section 7.3): the application's is random.
                    .redirectUri("http://127.0.0.1/api/v1/integrations/test-server/callback")
                    .redirectUri("http://127.0.0.1/api/v1/integrations/failing-test-server/callback")
                    .scope("profile")
                    .scope("posts.write")
                    .clientSettings(ClientSettings.builder().requireProofKey(true)
                            .requireAuthorizationConsent(false).build())
                    .tokenSettings(TokenSettings.builder().accessTokenFormat(OAuth2TokenFormat.REFERENCE)
                            .accessTokenTimeToLive(Duration.ofMinutes(5)).refreshTokenTimeToLive(Duration.ofHours(1))
                            .reuseRefreshTokens(true).build())
                    .build());
        }

        @Bean
        OAuth2AuthorizationService authorizations(RegisteredClientRepository clients) {
            return new InMemoryOAuth2AuthorizationService();
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings() {
            return AuthorizationServerSettings.builder().build();
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(User.withUsername(USERNAME).password("{noop}" + PASSWORD)
                    .roles("USER").build());
        }
    }
}
