package app.integrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A webhook receiver for tests: an HTTPS server on the loopback interface whose certificate (for {@code localhost})
 * is made at test time with the JDK's {@code keytool}, and written as the trust store the application's webhook
 * deliveries use in the test profile ({@code app.integrations.webhook.trust-store}). TLS stays real: the application
 * verifies the chain and the host name, it only trusts this certificate besides nobody else.
 *
 * <p>Each test takes a path of its own ({@link #newHook}) and tells what the receiver answers there, call by call.
 */
public final class WebhookReceiver {

    static final Path FOLDER = Path.of(System.getProperty("java.io.tmpdir"), "content-platform-test-webhook");
    private static final String PASSWORD = "test-trust";
    private static WebhookReceiver running;

    /** One delivery as received. */
    public record Delivery(String path, Map<String, List<String>> headers, byte[] body, Instant receivedAt) {

        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private final HttpsServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<Integer>> plannedAnswers = new ConcurrentHashMap<>();
    private final Map<String, Integer> lastingAnswers = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpsServer server) {
        this.server = server;
    }

    /** The receiver of this test JVM, started (and its certificate made) on first use. */
    public static synchronized WebhookReceiver instance() {
        if (running == null) {
            running = start();
        }
        return running;
    }

    /**
     * A path of its own on the receiver that answers the given statuses in turn, then {@code lasting} for every
     * further call.
     */
    public String newHook(String name, int lasting, Integer... firstAnswers) {
        String path = "/hooks/" + name + "-" + java.util.UUID.randomUUID();
        plannedAnswers.put(path, new ConcurrentLinkedQueue<>(List.of(firstAnswers)));
        lastingAnswers.put(path, lasting);
        return path;
    }

    public String url(String path) {
        return "https://localhost:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    public List<Delivery> deliveriesTo(String path) {
        return deliveries.stream().filter(delivery -> delivery.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = in.readAllBytes();
            deliveries.add(new Delivery(path, Map.copyOf(exchange.getRequestHeaders()), body, Instant.now()));
            Queue<Integer> planned = plannedAnswers.get(path);
            Integer next = planned == null ? null : planned.poll();
            int status = next != null ? next : lastingAnswers.getOrDefault(path, 404);
            exchange.sendResponseHeaders(status, -1);
            try (OutputStream out = exchange.getResponseBody()) {
                out.flush();
            }
        }
    }

    private static WebhookReceiver start() {
        try {
            Files.createDirectories(FOLDER);
            Path work = Files.createTempDirectory(FOLDER, "certificate");
            Path serverStore = work.resolve("server.p12");
            Path certificate = work.resolve("server.pem");
            Path trustStore = work.resolve("trust.p12");
            keytool("-genkeypair", "-alias", "webhook", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                    "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2", "-keystore", serverStore.toString(),
                    "-storetype", "PKCS12", "-storepass", PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", "webhook", "-keystore", serverStore.toString(), "-storepass",
                    PASSWORD, "-file", certificate.toString());
            keytool("-importcert", "-noprompt", "-alias", "webhook", "-file", certificate.toString(), "-keystore",
                    trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
            // The application reads the trust store again when the file changes: replace it in one move.
            Files.move(trustStore, FOLDER.resolve("trust.p12"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);

            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(serverStore)) {
                keys.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, PASSWORD.toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keyManagers.getKeyManagers(), null, null);

            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        }
        catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot start the test webhook receiver", e);
        }
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + command + " failed: " + output);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
