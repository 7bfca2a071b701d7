package app.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/** The HTTP ranking provider against a local search-results API. */
class HttpRankingProviderTests {

    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");
    private static final RankingQuery QUERY = new RankingQuery("hiking boots", "mine.com",
            List.of("acme.com", "Globex", "absent.org"), AT);

    private HttpServer server;
    private final AtomicReference<HttpExchange> lastRequest = new AtomicReference<>();
    private final AtomicReference<String> lastQuery = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void resultsAreMappedToTheUsersAndTheCompetitorsPositionsAndPrices() {
        answer(200, """
                {"results": [
                  {"domain": "www.acme.com", "position": 1, "price": 19.99},
                  {"domain": "mine.com", "position": 2},
                  {"domain": "globex", "position": 5, "price": 7}
                ]}""");

        RankingSnapshot snapshot = provider("secret-key", "/results").rank(QUERY);

        assertThat(snapshot.source()).isEqualTo("http");
        assertThat(snapshot.at()).isEqualTo(AT);
        assertThat(snapshot.ownPosition()).isEqualTo(2);
        assertThat(snapshot.competitors()).containsExactly(
                new RankingSnapshot.CompetitorRanking("acme.com", 1, new BigDecimal("19.99")),
                new RankingSnapshot.CompetitorRanking("Globex", 5, new BigDecimal("7")),
                new RankingSnapshot.CompetitorRanking("absent.org", null, null));
        assertThat(lastRequest.get().getRequestHeaders().getFirst("X-API-Key")).isEqualTo("secret-key");
        assertThat(lastQuery.get()).isEqualTo("q=hiking%20boots");
    }

    @Test
    void aResultWithoutAPositionRanksByItsPlaceInTheList() {
        answer(200, """
                {"data": {"organic": [{"domain": "acme.com"}, {"domain": "other.net"}, {"domain": "mine.com"}]}}""");

        RankingSnapshot snapshot = provider("", "/data/organic").rank(QUERY);

        assertThat(snapshot.ownPosition()).isEqualTo(3);
        assertThat(snapshot.competitors().getFirst().position()).isEqualTo(1);
        assertThat(lastRequest.get().getRequestHeaders().containsKey("X-API-Key")).isFalse();
    }

    @Test
    void anErrorStatusIsARankingUnavailable() {
        answer(503, "{\"error\": \"overloaded\"}");

        assertThatThrownBy(() -> provider("k", "/results").rank(QUERY)).isInstanceOf(RankingUnavailable.class)
                .hasMessageContaining("503");
    }

    @Test
    void anAnswerWithoutTheMappedResultsIsARankingUnavailable() {
        answer(200, "{\"items\": []}");
        assertThatThrownBy(() -> provider("k", "/results").rank(QUERY)).isInstanceOf(RankingUnavailable.class)
                .hasMessageContaining("/results");
    }

    @Test
    void anAnswerThatIsNotJsonIsARankingUnavailable() {
        answer(200, "<html>maintenance</html>");
        assertThatThrownBy(() -> provider("k", "/results").rank(QUERY)).isInstanceOf(RankingUnavailable.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void aSlowAnswerTimesOutAsARankingUnavailable() {
        server.createContext("/rankings", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        long started = System.nanoTime();

        assertThatThrownBy(() -> provider("k", "/results", Duration.ofMillis(300)).rank(QUERY))
                .isInstanceOf(RankingUnavailable.class).hasMessageContaining("timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anUnreachableApiIsARankingUnavailable() {
        server.stop(0);
        assertThatThrownBy(() -> provider("k", "/results").rank(QUERY)).isInstanceOf(RankingUnavailable.class)
                .hasMessageContaining("could not be reached");
    }

    private HttpRankingProvider provider(String key, String resultsPointer) {
        return provider(key, resultsPointer, Duration.ofSeconds(5));
    }

    private HttpRankingProvider provider(String key, String resultsPointer, Duration readTimeout) {
        ResearchSettings.Http http = new ResearchSettings.Http(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/rankings"), "X-API-Key", key, "q",
                Duration.ofSeconds(2), readTimeout,
                new ResearchSettings.Mapping(resultsPointer, "/domain", "/position", "/price"));
        return new HttpRankingProvider(http, JsonMapper.builder().build());
    }

    private void answer(int status, String body) {
        server.createContext("/rankings", exchange -> {
            lastRequest.set(exchange);
            lastQuery.set(exchange.getRequestURI().getRawQuery());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
    }
}
