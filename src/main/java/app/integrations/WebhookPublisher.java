package app.integrations;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes posts to the owner's webhook: {@code POST} of a JSON body (post id, text, hashtags, platform,
 * scheduledFor, generationId) signed with the webhook's secret. {@code X-Webhook-Timestamp} carries the time of
 * sending (Unix seconds) and {@code X-Signature-256} is {@code sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">},
 * so a receiver can refuse replays of old deliveries. A {@code 2xx} answer is published; anything else, a timeout or
 * a refused address is a failed attempt.
 *
 * <p>Connections resolve the host through {@link WebhookAddresses}, so the address connected to is the one checked
 * (no DNS rebinding between check and connect); redirects are not followed. TLS is verified against the JDK's
 * certificate authorities, or against {@code app.integrations.webhook.trust-store} when set.
 */
@Component
class WebhookPublisher implements PostPublisher, DisposableBean {

    static final String SIGNATURE_HEADER = "X-Signature-256";
    static final String TIMESTAMP_HEADER = "X-Webhook-Timestamp";
    static final String DELIVERY_HEADER = "X-Webhook-Delivery";
    private static final Logger log = LoggerFactory.getLogger(WebhookPublisher.class);

    private final Webhooks webhooks;
    private final WebhookAddresses addresses;
    private final PublishingSettings.Webhook settings;
    private final JsonMapper json;
    private final Clock clock;
    private volatile TrustedClient current;

    WebhookPublisher(Webhooks webhooks, WebhookAddresses addresses, PublishingSettings settings, JsonMapper json,
            Clock clock) {
        this.webhooks = webhooks;
        this.addresses = addresses;
        this.settings = settings.webhook();
        this.json = json;
        this.clock = clock;
    }

    @Override
    public boolean publishesTo(String target) {
        return Webhooks.PLATFORM.equals(target);
    }

    @Override
    public PublishResult publish(ScheduledPost post) {
        Optional<WebhookTarget> target = webhooks.of(post.getOwner());
        if (target.isEmpty()) {
            return PublishResult.gaveUp("the webhook was removed");
        }
        byte[] body = json.writeValueAsBytes(payload(post));
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpPost request = new HttpPost(target.get().getUrl());
        request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        request.setHeader(TIMESTAMP_HEADER, timestamp);
        request.setHeader(SIGNATURE_HEADER, "sha256=" + sign(webhooks.secretOf(target.get()), timestamp, body));
        request.setHeader(DELIVERY_HEADER, post.getId() + "/" + post.getAttempts());
        try {
            int status = client().execute(request, response -> {
                try (InputStream ignored = response.getEntity() == null ? null : response.getEntity().getContent()) {
                    return response.getCode();
                }
            });
            return status >= 200 && status < 300 ? PublishResult.ok()
                    : PublishResult.failed("the webhook answered HTTP " + status);
        }
        catch (RefusedAddress refused) {
            return PublishResult.failed(refused.getMessage());
        }
        catch (IOException e) {
            return PublishResult.failed("the webhook could not be reached: " + e);
        }
    }

    /** The JSON body of a delivery. */
    static Map<String, Object> payload(ScheduledPost post) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", post.getId());
        payload.put("text", post.getText());
        payload.put("hashtags", post.hashtags());
        payload.put("platform", post.getPlatform());
        payload.put("scheduledFor", post.getScheduledFor().toString());
        payload.put("generationId", post.getGenerationId());
        return payload;
    }

    /** Hex HMAC-SHA256 of {@code <timestamp>.<body>} with the secret. */
    static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The client for the current trust store; made again when the trust store file changes. */
    private CloseableHttpClient client() throws IOException {
        long stamp = trustStoreStamp();
        TrustedClient client = current;
        if (client == null || client.trustStoreStamp() != stamp) {
            synchronized (this) {
                client = current;
                if (client == null || client.trustStoreStamp() != stamp) {
                    TrustedClient previous = client;
                    client = new TrustedClient(stamp, build(sslContext()));
                    current = client;
                    if (previous != null) {
                        previous.http().close();
                    }
                }
            }
        }
        return client.http();
    }

    private record TrustedClient(long trustStoreStamp, CloseableHttpClient http) {
    }

    private long trustStoreStamp() throws IOException {
        if (settings.trustStore().isBlank()) {
            return 0;
        }
        return Files.getLastModifiedTime(Path.of(settings.trustStore())).toMillis();
    }

    private SSLContext sslContext() throws IOException {
        try {
            if (settings.trustStore().isBlank()) {
                return SSLContext.getDefault();
            }
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(Path.of(settings.trustStore()))) {
                trusted.load(in, settings.trustStorePassword().toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            log.info("Webhook deliveries trust the certificates of {}", settings.trustStore());
            return context;
        }
        catch (GeneralSecurityException e) {
            throw new IOException("The webhook trust store " + settings.trustStore() + " cannot be used", e);
        }
    }

    private CloseableHttpClient build(SSLContext ssl) {
        DnsResolver publicOnly = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                try {
                    return addresses.resolvePublic(host);
                }
                catch (WebhookRefused refused) {
                    throw new RefusedAddress(refused.getMessage());
                }
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                return resolve(host)[0].getCanonicalHostName();
            }
        };
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(publicOnly)
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(ssl))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                                .build())
                        .setMaxConnTotal(50)
                        .setMaxConnPerRoute(5)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    /** A host that resolved to an address deliveries may not reach. */
    private static final class RefusedAddress extends UnknownHostException {

        RefusedAddress(String message) {
            super(message);
        }
    }

    @Override
    public void destroy() throws IOException {
        TrustedClient client = current;
        if (client != null) {
            client.http().close();
        }
    }
}
