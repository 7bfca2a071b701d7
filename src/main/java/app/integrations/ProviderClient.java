package app.integrations;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import app.integrations.IntegrationsSettings.ClientAuthentication;
import app.integrations.IntegrationsSettings.Provider;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to providers' token endpoints (authorization code and refresh token grants, RFC 6749) and revocation
 * endpoints (RFC 7009), authenticating as the configured client. Tokens never reach the logs.
 */
@Component
class ProviderClient {

    private static final Logger log = LoggerFactory.getLogger(ProviderClient.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final RestClient http;
    private final JsonMapper json;

    ProviderClient(JsonMapper json) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build());
        requests.setReadTimeout(TIMEOUT);
        this.http = RestClient.builder().requestFactory(requests).build();
        this.json = json;
    }

    /**
     * Exchanges an authorization code (with its PKCE verifier). {@link TokenRefused} if the provider refuses the
     * grant, {@link ProviderUnavailable} if it fails otherwise.
     */
    ProviderTokens exchangeCode(String providerId, Provider provider, String code, String codeVerifier,
            String redirectUri) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", redirectUri);
        form.add("code_verifier", codeVerifier);
        return tokens(providerId, provider, form);
    }

    /** Refreshes an access token; {@link TokenRefused} if the provider refuses, {@link ProviderUnavailable} else. */
    ProviderTokens refresh(String providerId, Provider provider, String refreshToken) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "refresh_token");
        form.add("refresh_token", refreshToken);
        return tokens(providerId, provider, form);
    }

    /** Revokes a token at the provider's revocation endpoint; whether the provider accepted. */
    boolean revoke(String providerId, Provider provider, URI revocationUri, String token, String tokenTypeHint) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("token", token);
        form.add("token_type_hint", tokenTypeHint);
        try {
            int status = post(revocationUri, provider, form).retrieve().onStatus(code -> true, (request, response) -> {
            }).toBodilessEntity().getStatusCode().value();
            if (status / 100 != 2) {
                log.warn("Revocation at {} answered {}", providerId, status);
            }
            return status / 100 == 2;
        }
        catch (RestClientException e) {
            log.warn("Revocation at {} failed: {}", providerId, e.toString());
            return false;
        }
    }

    private ProviderTokens tokens(String providerId, Provider provider, MultiValueMap<String, String> form) {
        Answer answer;
        try {
            answer = post(provider.tokenUri(), provider, form).exchange((request, response) -> new Answer(
                    response.getStatusCode().value(),
                    new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        }
        catch (RestClientException e) {
            log.warn("Token endpoint of {} failed: {}", providerId, e.toString());
            throw new ProviderUnavailable(providerId, "no answer");
        }
        JsonNode body = parse(answer.body());
        if (answer.status() == 400 || answer.status() == 401) {
            String error = body.path("error").asString("");
            if (!error.isEmpty() && !"invalid_client".equals(error) && !"unauthorized_client".equals(error)) {
                throw new TokenRefused(error);
            }
        }
        if (answer.status() / 100 != 2) {
            log.warn("Token endpoint of {} answered {} ({})", providerId, answer.status(),
                    body.path("error").asString("no error code"));
            throw new ProviderUnavailable(providerId, "status " + answer.status());
        }
        String accessToken = body.path("access_token").asString("");
        if (accessToken.isEmpty()) {
            throw new ProviderUnavailable(providerId, "no access token in the answer");
        }
        JsonNode expiresIn = body.path("expires_in");
        return new ProviderTokens(accessToken, blankToNull(body.path("refresh_token").asString("")),
                expiresIn.isMissingNode() || expiresIn.isNull() ? null : expiresIn.asLong(),
                blankToNull(body.path("scope").asString("")));
    }

    private record Answer(int status, String body) {
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.missingNode() : json.readTree(body);
        }
        catch (JacksonException e) {
            return json.missingNode();
        }
    }

    private RestClient.RequestBodySpec post(URI uri, Provider provider, MultiValueMap<String, String> form) {
        RestClient.RequestBodySpec request = http.post().uri(uri).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON);
        if (provider.clientAuthentication() == ClientAuthentication.CLIENT_SECRET_POST) {
            form.add("client_id", provider.clientId());
            if (provider.clientSecret() != null) {
                form.add("client_secret", provider.clientSecret());
            }
        }
        else {
            // RFC 6749 section 2.3.1: both parts form-urlencoded before Basic encoding.
            String credentials = formEncode(provider.clientId()) + ":"
                    + formEncode(provider.clientSecret() == null ? "" : provider.clientSecret());
            request.header(HttpHeaders.AUTHORIZATION, "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request.body(form);
    }

    private static String formEncode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
