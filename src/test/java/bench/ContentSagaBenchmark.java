package bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.Application;
import app.platform.dynamodb.DynamoDbTables;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load harness of the content saga on the local engines, not a test. In one run it measures:
 * <ol>
 * <li>the saga's end-to-end latency excluding generation time: from the studio recording the content generated to
 * the last of the library, analytics and notification steps recorded as answered (both instants are the
 * application's own, read from the generation's {@code steps}), for generations requested over HTTP by concurrent
 * users;</li>
 * <li>one hop between modules in process (an event published in a transaction, through the DynamoDB event registry,
 * to another module's listener) against the same hop as an HTTP call to a second local process (the microservices
 * baseline), once bare and once with the receiver writing one DynamoDB item, as a receiving service would.</li>
 * </ol>
 * The sagas run twice: one user at a time (a third of the generations; DynamoDB calls per saga are counted there),
 * then all users at once. Run with {@code bench/saga.sh [generations] [users] [hops]}.
 */
public final class ContentSagaBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final java.util.Map<String, List<Long>> STEP_LATENCIES =
            new java.util.concurrent.ConcurrentSkipListMap<>();
    /** How often a user looks at its generation; the polls load the same two cores, so not too often. */
    private static final int POLL_MILLIS = 50;
    private static final String BODY = "A generated blog post body. ".repeat(60);

    private ContentSagaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int generations = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int hops = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        DynamoDbCallCounter counter = new DynamoDbCallCounter();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class, HopListener.class)
                .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(counter))
                .profiles("test")
                .run("--server.port=0", "--app.dynamodb.table-prefix=bench-saga-", "--logging.level.app=warn",
                        "--app.studio.monthly-generations.free=-1", "--app.rate-limits.plans.free=1000000000")) {
            String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            System.out.printf("generations=%d users=%d hops=%d%n", generations, users, hops);
            sagas(base, Math.max(users, generations / 10), users);
            counter.reset();
            sagas(base, generations / 3, 1);
            counter.print("saga", generations / 3);
            sagas(base, generations, users);
            inProcessHops(context, hops / 5);
            rawPutLatency(context, hops);
            inProcessHops(context, hops);
            String endpoint = context.getEnvironment().getProperty("spring.cloud.aws.dynamodb.endpoint");
            String table = context.getBean(DynamoDbTables.class).physicalName("platform");
            httpHops(hops, List.of());
            httpHops(hops, List.of(endpoint, table));
        }
    }

    /** Runs generations from concurrent users and prints the saga latency without generation time. */
    private static void sagas(String base, int count, int users) throws Exception {
        STEP_LATENCIES.clear();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> runs = new ArrayList<>();
            for (int user = 0; user < users; user++) {
                int share = count / users + (user < count % users ? 1 : 0);
                runs.add(pool.submit(() -> {
                    String bearer = "Bearer " + signUp(base);
                    for (int i = 0; i < share; i++) {
                        latencies.add(sagaWithoutGeneration(base, bearer));
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Collections.sort(latencies);
        System.out.printf("content saga   %5d sagas by %d users in %.1f s; generated -> last step answered ms "
                + "p50 %.1f p99 %.1f max %.1f%n", latencies.size(), users, seconds,
                Percentiles.millis(latencies, 0.5), Percentiles.millis(latencies, 0.99),
                Percentiles.millis(latencies, 1.0));
        STEP_LATENCIES.forEach((step, values) -> {
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            System.out.printf("  generated -> %-10s answered ms p50 %.1f p99 %.1f%n", step,
                    Percentiles.millis(sorted, 0.5), Percentiles.millis(sorted, 0.99));
        });
    }

    private static long sagaWithoutGeneration(String base, String bearer) throws Exception {
        JsonNode accepted = send("POST", base + "/api/v1/studio/content/blog",
                "{\"topic\":\"saga benchmark\",\"keywords\":[\"latency\"],\"length\":\"short\"}", bearer);
        String url = base + "/api/v1/studio/generations/" + accepted.path("id").asString();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonNode generation = send("GET", url, null, bearer);
            if ("COMPLETED".equals(generation.path("sagaStatus").asString())) {
                Instant generated = null;
                Instant last = Instant.MIN;
                java.util.Map<String, Instant> answered = new java.util.LinkedHashMap<>();
                for (JsonNode step : generation.path("steps")) {
                    Instant at = Instant.parse(step.path("at").asString());
                    String name = step.path("name").asString();
                    if (name.equals("generate")) {
                        generated = at;
                    }
                    else if (!name.equals("accepted")) {
                        answered.put(name, at);
                        last = at.isAfter(last) ? at : last;
                    }
                }
                for (var step : answered.entrySet()) {
                    STEP_LATENCIES.computeIfAbsent(step.getKey(), name -> Collections.synchronizedList(
                            new ArrayList<>())).add(java.time.Duration.between(generated, step.getValue()).toNanos());
                }
                return java.time.Duration.between(generated, last).toNanos();
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
        throw new IllegalStateException("The saga of " + url + " did not complete within 60 s");
    }

    /** One event at a time, published in a transaction, until another module's listener has it. */
    private static void inProcessHops(ConfigurableApplicationContext context, int count) throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        HopListener.ARRIVALS.clear();
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            transaction.executeWithoutResult(status -> context.publishEvent(new HopEvent(UUID.randomUUID().toString(),
                    "owner", "A title", BODY, System.nanoTime())));
            Long arrived = HopListener.ARRIVALS.poll(10, TimeUnit.SECONDS);
            if (arrived == null) {
                throw new IllegalStateException("An in-process hop did not arrive within 10 s");
            }
            latencies.add(arrived);
        }
        print("in-process hop (event registry on DynamoDB, commit -> listener)", latencies);
    }

    /** One PutItem at a time with the application's client: what a single write costs on the local engine. */
    private static void rawPutLatency(ConfigurableApplicationContext context, int count) {
        software.amazon.awssdk.services.dynamodb.DynamoDbClient client = context.getBean(
                software.amazon.awssdk.services.dynamodb.DynamoDbClient.class);
        String table = context.getBean(DynamoDbTables.class).physicalName("platform");
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            client.putItem(request -> request.tableName(table).item(java.util.Map.of(
                    "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("raw#" + UUID.randomUUID()),
                    "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("raw"),
                    "body", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(BODY))));
            latencies.add(System.nanoTime() - start);
        }
        print("one PutItem on the local engine (the unit every hop pays)", latencies);
    }

    /** One call at a time to a second local process that reads the event (and writes one item if told where). */
    private static void httpHops(int count, List<String> receiverArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), HopReceiver.class.getName()));
        command.addAll(receiverArgs);
        Process receiver = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(receiver.getInputStream(),
                    StandardCharsets.UTF_8));
            String url = "http://127.0.0.1:" + output.readLine().strip() + "/hops";
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < count / 5 + count; i++) {
                long sent = System.nanoTime();
                String event = JSON.writeValueAsString(new HopEvent(UUID.randomUUID().toString(), "owner", "A title",
                        BODY, sent));
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .POST(HttpRequest.BodyPublishers.ofString(event))
                        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 204) {
                    throw new IllegalStateException("The receiver answered " + response.statusCode());
                }
                if (i >= count / 5) { // the first fifth warms both processes up
                    latencies.add(System.nanoTime() - sent);
                }
            }
            print(receiverArgs.isEmpty() ? "HTTP hop to a second process (no write)"
                    : "HTTP hop to a second process (+1 DynamoDB PutItem)", latencies);
        }
        finally {
            receiver.destroy();
            receiver.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String signUp(String base) throws Exception {
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        String password = "saga benchmark password 2026";
        send("POST", base + "/api/v1/users", "{\"email\":\"" + email + "\",\"password\":\"" + password
                + "\",\"displayName\":\"Bench\"}", null);
        return send("POST", base + "/api/v1/users/login", "{\"email\":\"" + email + "\",\"password\":\"" + password
                + "\"}", null).path("accessToken").asString();
    }

    private static JsonNode send(String method, String url, String body, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private static void print(String label, List<Long> latencies) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%-66s %5d hops ms p50 %.2f p99 %.2f max %.2f%n", label, sorted.size(),
                Percentiles.millis(sorted, 0.5), Percentiles.millis(sorted, 0.99), Percentiles.millis(sorted, 1.0));
    }

}
