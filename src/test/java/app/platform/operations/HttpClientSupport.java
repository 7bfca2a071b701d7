package app.platform.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests that drive the running application the way any client would. */
public final class HttpClientSupport {

    private static final HttpClient client = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    private HttpClientSupport() {
    }

    /** A response with its body parsed as JSON (an empty body becomes a missing node). */
    public record JsonResponse(int status, String contentType, JsonNode body) {
    }

    public static JsonResponse send(String method, String url) {
        return send(method, url, null);
    }

    /** Sends a JSON body ({@code null}: none). */
    public static JsonResponse send(String method, String url, String jsonBody) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method,
                    jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
            if (jsonBody != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new JsonResponse(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    body.isBlank() ? json.missingNode() : json.readTree(body));
        }
        catch (IOException e) {
            throw new IllegalStateException("Request failed: " + method + " " + url, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
