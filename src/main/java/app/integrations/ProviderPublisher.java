package app.integrations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Connected OAuth providers as publishing targets: a provider whose configuration names a {@code publish-uri} gets
 * the user's posts as {@code POST} of JSON (post id, text, hashtags, platform, scheduledFor, generationId) with the
 * user's access token as bearer, refreshed first when near its expiry. A {@code 2xx} answer is published; a user no
 * longer connected gives the post up; anything else is a failed attempt, retried by the dispatcher.
 */
@Component
class ProviderPublisher implements PublishingTargets, PostPublisher {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ConnectedAccounts accounts;
    private final IntegrationsSettings settings;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    ProviderPublisher(ConnectedAccounts accounts, IntegrationsSettings settings, JsonMapper json) {
        this.accounts = accounts;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public List<String> platformsOf(String userId) {
        return accounts.connectedProviders(userId).stream().filter(provider -> publishUri(provider).isPresent())
                .toList();
    }

    @Override
    public boolean publishesTo(String target) {
        return publishUri(target).isPresent();
    }

    @Override
    public PublishResult publish(ScheduledPost post) {
        String provider = post.getTarget();
        if (!accounts.connectedProviders(post.getOwner()).contains(provider)) {
            return PublishResult.gaveUp("not connected to " + provider + " any more");
        }
        Optional<String> token = accounts.accessToken(post.getOwner(), provider);
        if (token.isEmpty()) {
            return PublishResult.failed("no usable access token for " + provider + " right now");
        }
        HttpRequest request = HttpRequest.newBuilder(publishUri(provider).orElseThrow()).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token.get())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body(post)))).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? PublishResult.ok()
                    : PublishResult.failed(provider + " answered " + status);
        }
        catch (IOException unreachable) {
            return PublishResult.failed(provider + " did not answer: " + unreachable.getMessage());
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return PublishResult.failed("interrupted");
        }
    }

    private Optional<URI> publishUri(String provider) {
        return settings.provider(provider).flatMap(IntegrationsSettings.Provider::publishing);
    }

    private static Map<String, Object> body(ScheduledPost post) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", post.getId());
        body.put("text", post.getText());
        body.put("hashtags", post.hashtags());
        body.put("platform", post.getPlatform());
        body.put("scheduledFor", post.getScheduledFor().toString());
        body.put("generationId", post.getGenerationId());
        return body;
    }
}
