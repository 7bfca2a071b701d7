package app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.HttpClientSupport;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Property: for every operation of the OpenAPI document, malformed input never gets a {@code 5xx}. Inputs come
 * from seeded generators: path and query values from a list of hostile strings, bodies that are broken JSON, the
 * wrong JSON type, or the operation's own schema with every field given a random wrong value; random media types
 * and tokens (valid, none, garbage); for a multipart operation also multipart bodies that are cut short or wrong. A
 * failure names the seed and the request; {@code -Dfuzz.seed=N} replays it.
 */
@PlatformIntegrationTest
class OpenApiFuzzTests {

    private static final int CASES_PER_OPERATION = 40;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final List<String> HOSTILE = List.of("", " ", "0", "-1", "1e309", "NaN", "-0.0", "null", "true",
            "99999999999999999999999999999", "%00", "../../etc/passwd", "' OR '1'='1", "<script>alert(1)</script>",
            "\u00e9\u00e8\u4e2d\u6587\ud83d\ude00", "x".repeat(5000), "{}", "[]", "\\", "%", "a/b", "?x=1",
            "\u202e\u0000", "1,5", "0x10", "+1", "1.", ".5");
    private static final List<String> MEDIA_TYPES = List.of("application/json", "application/json", "application/json",
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "");
    /** Multipart bodies (boundary {@code xyz}) cut short, without parts, or with a part of hostile content. */
    private static final List<String> MULTIPART_BODIES = List.of("", "--xyz", "--xyz\r\n", "--xyz--\r\n",
            "--xyz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nno end",
            "--xyz\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--xyz--\r\n",
            "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n"
                    + "\u0000\u00ff,\"\r\n--xyz--\r\n",
            "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../a.csv\"\r\n\r\n"
                    + "productName,features,audience\r\n,,\r\n--xyz--\r\n");
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClientSupport.newClient();

    @LocalServerPort
    int port;

    @Test
    void noMalformedRequestToAnyDocumentedOperationGetsA5xx() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        TestUser user = TestUsers.signUpAndLogIn(base());
        HttpClientSupport.send("PUT", base() + "/api/v1/users/me/subscription", "{\"plan\":\"business\"}",
                user.bearer());
        JsonNode document = HttpClientSupport.send("GET", base() + "/v3/api-docs").body();
        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        int sent = 0;

        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                for (int i = 0; i < CASES_PER_OPERATION; i++) {
                    HttpRequest request = malformed(random, operation.getKey().toUpperCase(), path.getKey(),
                            operation.getValue(), document, user);
                    Answer response = send(request, streams(operation.getValue()));
                    sent++;
                    if (response.status() >= 500) {
                        failures.add(abbreviated(response.status() + " for " + request.method() + " "
                                + request.uri() + " " + request.headers().map().get("Content-Type") + ": "
                                + response.body()));
                    }
                }
            }
        }

        assertThat(sent).as("requests to at least the users' and tools' operations").isGreaterThanOrEqualTo(
                8 * CASES_PER_OPERATION);
        assertThat(failures).as("5xx answers with seed %d (replay with -Dfuzz.seed=%d)", seed, seed).isEmpty();
    }

    private record Answer(int status, String body) {
    }

    /** Whether the operation answers with an event stream, which does not end once open. */
    private static boolean streams(JsonNode operation) {
        return operation.path("responses").path("200").path("content").has("text/event-stream");
    }

    /** Sends the request; an open stream is closed once its status is known (only an error's body is read). */
    private static Answer send(HttpRequest request, boolean stream) throws IOException, InterruptedException {
        if (!stream) {
            HttpResponse<String> response = HttpClientSupport.exchange(http, request,
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        }
        HttpResponse<InputStream> response = HttpClientSupport.exchange(http, request,
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            return new Answer(response.statusCode(), response.statusCode() >= 300
                    ? new String(body.readAllBytes(), StandardCharsets.UTF_8) : "(stream)");
        }
    }

    private HttpRequest malformed(Random random, String method, String template, JsonNode operation,
            JsonNode document, TestUser user) {
        StringBuilder url = new StringBuilder(base()).append(pathWithHostileValues(random, template));
        String separator = "?";
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asString()) && random.nextInt(4) > 0) {
                url.append(separator).append(parameter.path("name").asString()).append('=')
                        .append(URLEncoder.encode(pick(random, HOSTILE), StandardCharsets.UTF_8));
                separator = "&";
            }
        }
        String body = body(random, operation, document);
        String mediaType = pick(random, MEDIA_TYPES);
        boolean multipart = operation.path("requestBody").path("content").has("multipart/form-data");
        if (multipart && random.nextBoolean()) {
            body = pick(random, MULTIPART_BODIES);
            mediaType = pick(random, List.of("multipart/form-data; boundary=xyz", "multipart/form-data",
                    "multipart/form-data; boundary=other"));
        }
        HttpRequest.Builder request = HttpClientSupport.request(url.toString())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !mediaType.isEmpty()) {
            request.header("Content-Type", mediaType);
        }
        switch (random.nextInt(6)) {
            case 0 -> {
            }
            case 1 -> request.header("Authorization", pick(random, List.of("Bearer garbage", "Bearer a.b.c",
                    "Bearer eyJhbGciOiJub25lIn0.e30.", "Bearer", "Basic dXNlcjpwYXNz", "bearer " + user.accessToken())));
            default -> request.header("Authorization", "Bearer " + user.accessToken());
        }
        return request.build();
    }

    private static String pathWithHostileValues(Random random, String template) {
        Matcher parameter = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String value = pick(random, HOSTILE);
            String encoded = URLEncoder.encode(value.isEmpty() ? "-" : value, StandardCharsets.UTF_8)
                    .replace("+", "%20");
            parameter.appendReplacement(path, Matcher.quoteReplacement(encoded));
        }
        parameter.appendTail(path);
        return path.toString();
    }

    private static String body(Random random, JsonNode operation, JsonNode document) {
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> pick(random, List.of("{", "{\"a\":", "[1,2", "nul", "\"unterminated", "{}}", "\u0000"));
            case 2 -> pick(random, List.of("[]", "42", "\"text\"", "null", "true", "[{}]"));
            case 3 -> "{\"nested\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
            default -> objectWithWrongValues(random, resolve(schema, document));
        };
    }

    private static String objectWithWrongValues(Random random, JsonNode schema) {
        StringBuilder object = new StringBuilder("{");
        List<String> names = new ArrayList<>(schema.path("properties").propertyNames());
        names.add("unexpected");
        for (String name : names) {
            if (random.nextInt(5) == 0) {
                continue;
            }
            if (object.length() > 1) {
                object.append(',');
            }
            object.append(json.writeValueAsString(name)).append(':').append(wrongValue(random));
        }
        return object.append('}').toString();
    }

    private static String wrongValue(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "null";
            case 1 -> Long.toString(random.nextLong());
            case 2 -> "1e400";
            case 3 -> random.nextBoolean() ? "true" : "false";
            case 4 -> "[" + json.writeValueAsString(pick(random, HOSTILE)) + ", {}]";
            case 5 -> "{\"deep\":{\"deeper\":[null]}}";
            default -> json.writeValueAsString(pick(random, HOSTILE));
        };
    }

    private static JsonNode resolve(JsonNode schema, JsonNode document) {
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    private static String abbreviated(String failure) {
        return failure.length() <= 600 ? failure : failure.substring(0, 300) + " ... " + failure.substring(
                failure.length() - 300);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
