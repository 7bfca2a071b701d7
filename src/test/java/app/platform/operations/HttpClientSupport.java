package app.platform.operations;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for tests that drive the running application the way any client would, and the bounds every
 * HTTP call of the tests keeps: a connect timeout on each client, a timeout on each request.
 */
public final class HttpClientSupport {

    /** How long connecting to a server of the test may take. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** How long a whole exchange may take, the response's body included. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final HttpClient client = newClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    private HttpClientSupport() {
    }

    /** A client that gives up connecting after {@link #CONNECT_TIMEOUT}. */
    public static HttpClient newClient() {
        return newClientBuilder().build();
    }

    /** A client builder with {@link #CONNECT_TIMEOUT} set, for clients that need more (cookies, redirects...). */
    public static HttpClient.Builder newClientBuilder() {
        return HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT);
    }

    /**
     * A request that fails when the response's headers take longer than {@link #REQUEST_TIMEOUT}; send it with
     * {@link #exchange} to bound the body as well.
     */
    public static HttpRequest.Builder request(String url) {
        return request(URI.create(url));
    }

    /** See {@link #request(String)}. */
    public static HttpRequest.Builder request(URI url) {
        return HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT);
    }

    /**
     * Sends and waits at most {@link #REQUEST_TIMEOUT} for the response, its body included when the handler reads it
     * whole (the request's own timeout ends with the headers). Streaming handlers return at the headers.
     */
    public static <T> HttpResponse<T> exchange(HttpClient client, HttpRequest request,
            HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<T>> response = client.sendAsync(request, body);
        try {
            return response.get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException e) {
            response.cancel(true);
            throw new HttpTimeoutException("No whole response within " + REQUEST_TIMEOUT + ": " + request.method()
                    + " " + request.uri());
        }
        catch (InterruptedException e) {
            response.cancel(true);
            throw e;
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof IOException failed) {
                throw failed;
            }
            throw new IOException(e.getCause());
        }
    }

    /** A response with its body parsed as JSON (an empty body becomes a missing node). */
    public record JsonResponse(int status, String contentType, JsonNode body, HttpHeaders headers) {

        public java.util.Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    public static JsonResponse send(String method, String url) {
        return send(method, url, null);
    }

    /** Sends a JSON body ({@code null}: none). */
    public static JsonResponse send(String method, String url, String jsonBody) {
        return send(method, url, jsonBody, new String[0]);
    }

    /** Sends a JSON body ({@code null}: none) with extra headers given as name, value, name, value... */
    public static JsonResponse send(String method, String url, String jsonBody, String... headers) {
        return send(client, method, url, jsonBody, headers);
    }

    /**
     * Uploads a file as the one part of a {@code multipart/form-data} POST, with extra headers given as name, value,
     * name, value...
     */
    public static JsonResponse upload(String url, String partName, String fileName, byte[] content,
            String... headers) {
        String boundary = "----boundary" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + partName + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            HttpRequest.Builder request = request(url)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary);
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> response = exchange(client, request.build(), HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            return new JsonResponse(response.statusCode(), contentType, parse(response.body(), contentType),
                    response.headers());
        }
        catch (IOException e) {
            throw new IllegalStateException("Upload failed: " + url, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends from another loopback address (e.g. {@code 127.0.0.9}), so the application sees another client address;
     * the whole 127.0.0.0/8 block reaches this machine.
     */
    public static JsonResponse sendFrom(String loopbackAddress, String method, String url, String jsonBody,
            String... headers) {
        try (HttpClient from = newClientBuilder().localAddress(InetAddress.getByName(loopbackAddress)).build()) {
            return send(from, method, url, jsonBody, headers);
        }
        catch (UnknownHostException e) {
            throw new IllegalArgumentException(loopbackAddress, e);
        }
    }

    /** JSON bodies parsed; any other body as a text node, so tests can still look at it. */
    private static JsonNode parse(String body, String contentType) {
        if (body.isBlank()) {
            return json.missingNode();
        }
        return contentType.contains("json") ? json.readTree(body) : json.getNodeFactory().textNode(body);
    }

    private static JsonResponse send(HttpClient client, String method, String url, String jsonBody,
            String... headers) {
        try {
            HttpRequest.Builder request = request(url).method(method,
                    jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
            if (jsonBody != null) {
                request.header("Content-Type", "application/json");
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> response = exchange(client, request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new JsonResponse(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    parse(body, response.headers().firstValue("Content-Type").orElse("")), response.headers());
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
