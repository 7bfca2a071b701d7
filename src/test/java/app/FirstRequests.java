package app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

/**
 * What reaches a freshly started application first, as its users send it: a browser opening the web page (the page,
 * its script, style sheet and STOMP library) and Swagger UI (the page and the OpenAPI document), the platform's
 * health check, sign-ups, a STOMP client with and one without a token, the key set and two calculators. Each check
 * throws when its answer is not the expected one.
 */
final class FirstRequests {

    /** A request and the check of its answer. */
    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final JsonMapper json = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    private FirstRequests(int port) {
        this.port = port;
    }

    /** The requests by name, in the order a reader expects them. */
    static Map<String, Check> of(int port) {
        FirstRequests requests = new FirstRequests(port);
        Map<String, Check> all = new LinkedHashMap<>();
        all.put("GET /actuator/health", () -> requests.get("/actuator/health", 200, 503));
        all.put("GET /", () -> requests.get("/", 200));
        all.put("GET /js/app.js", () -> requests.get("/js/app.js", 200));
        all.put("GET /css/app.css", () -> requests.get("/css/app.css", 200));
        all.put("GET /vendor/stomp.umd.min.js", () -> requests.get("/vendor/stomp.umd.min.js", 200));
        all.put("GET /swagger-ui/index.html", () -> requests.get("/swagger-ui/index.html", 200));
        all.put("GET /v3/api-docs", () -> requests.get("/v3/api-docs", 200));
        all.put("GET /.well-known/jwks.json", () -> requests.get("/.well-known/jwks.json", 200));
        all.put("GET /api/v1/tools/profit-margin",
                () -> requests.get("/api/v1/tools/profit-margin?revenue=1250.50&cost=800.20", 200));
        all.put("POST /api/v1/tools/readability",
                () -> requests.post("/api/v1/tools/readability", "{\"text\": \"The cat sat on the mat.\"}", 200));
        for (int i = 1; i <= 4; i++) {
            all.put("sign-up " + i, requests::signUp);
        }
        all.put("STOMP CONNECT without a token", () -> requests.stompConnect(null, "ERROR"));
        all.put("sign-up, log-in and STOMP CONNECT", () -> requests.stompConnect(requests.signUp(), "CONNECTED"));
        return all;
    }

    private String get(String path, int... expected) throws Exception {
        return answer(HttpRequest.newBuilder(url("http", path)).timeout(TIMEOUT).GET(), expected);
    }

    private String post(String path, String body, int... expected) throws Exception {
        return answer(HttpRequest.newBuilder(url("http", path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), expected);
    }

    /** Signs a new user up and logs in; answers the access token. */
    private String signUp() throws Exception {
        String email = "first-" + UUID.randomUUID() + "@example.com";
        String credentials = "\"email\":\"%s\",\"password\":\"correct horse battery staple\"".formatted(email);
        post("/api/v1/users", "{" + credentials + ",\"displayName\":\"First User\"}", 201);
        String tokens = post("/api/v1/users/login", "{" + credentials + "}", 200);
        return json.readTree(tokens).path("accessToken").asString();
    }

    /** Opens {@code /ws} and sends a STOMP CONNECT frame; the first frame back must be the expected command. */
    private void stompConnect(String accessToken, String expectedCommand) throws Exception {
        CompletableFuture<String> firstFrame = new CompletableFuture<>();
        WebSocket socket = http.newWebSocketBuilder().connectTimeout(TIMEOUT)
                .header("Origin", "http://localhost:" + port)
                .buildAsync(url("ws", "/ws"), new FirstFrame(firstFrame))
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        try {
            String authorization = accessToken == null ? "" : "Authorization:Bearer " + accessToken + "\n";
            socket.sendText("CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\n" + authorization + "\n\0",
                    true);
            String frame = firstFrame.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!frame.startsWith(expectedCommand + "\n")) {
                throw new IllegalStateException("expected " + expectedCommand + ", got " + frame.lines().findFirst()
                        .orElse(""));
            }
        }
        finally {
            socket.abort();
        }
    }

    private String answer(HttpRequest.Builder request, int... expected) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response.body();
            }
        }
        throw new IllegalStateException("status " + response.statusCode());
    }

    private URI url(String scheme, String path) {
        return URI.create(scheme + "://localhost:" + port + path);
    }

    /** Completes with the first whole text message (a STOMP frame), however many parts it arrives in. */
    private static final class FirstFrame implements WebSocket.Listener {

        private final CompletableFuture<String> frame;
        private final StringBuilder parts = new StringBuilder();

        FirstFrame(CompletableFuture<String> frame) {
            this.frame = frame;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            parts.append(data);
            if (last) {
                frame.complete(parts.toString());
            }
            else {
                socket.request(1);
            }
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            frame.completeExceptionally(error);
        }
    }
}
