package app.research;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rankings from a search-results API ({@value #SOURCE}): one {@code GET} per refresh, with the key in the configured
 * header and the timeouts of {@link ResearchSettings.Http}. Any failure (no connection, a timeout, a status other
 * than 2xx, an answer without the mapped results) is a {@link RankingUnavailable} naming what went wrong, never the
 * key.
 */
final class HttpRankingProvider implements RankingProvider {

    static final String SOURCE = "http";

    private final ResearchSettings.Http settings;
    private final HttpClient client;
    private final JsonMapper json;

    HttpRankingProvider(ResearchSettings.Http settings, JsonMapper json) {
        if (settings.baseUrl() == null) {
            throw new IllegalStateException("app.research.provider is http but app.research.http.base-url is not set");
        }
        this.settings = settings;
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public RankingSnapshot rank(RankingQuery query) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uriFor(query.keyword()))
                .timeout(settings.readTimeout()).header("Accept", "application/json").GET();
        if (!settings.apiKey().isBlank()) {
            request.header(settings.apiKeyHeader(), settings.apiKey());
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (HttpTimeoutException e) {
            throw new RankingUnavailable("The ranking API did not answer within its timeout.");
        }
        catch (IOException e) {
            throw new RankingUnavailable("The ranking API could not be reached (" + e.getClass().getSimpleName()
                    + ").");
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RankingUnavailable("The ranking request was interrupted.");
        }
        if (response.statusCode() / 100 != 2) {
            throw new RankingUnavailable("The ranking API answered " + response.statusCode() + ".");
        }
        return snapshotOf(response.body(), query);
    }

    private URI uriFor(String keyword) {
        String base = settings.baseUrl().toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + settings.keywordParameter() + "="
                + URLEncoder.encode(keyword, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private RankingSnapshot snapshotOf(String body, RankingQuery query) {
        JsonNode results;
        try {
            results = json.readTree(body).at(settings.mapping().results());
        }
        catch (JacksonException e) {
            throw new RankingUnavailable("The ranking API's answer is not JSON.");
        }
        if (!results.isArray()) {
            throw new RankingUnavailable("The ranking API's answer has no results array at "
                    + settings.mapping().results() + ".");
        }
        List<Result> ranked = new ArrayList<>();
        int place = 1;
        for (JsonNode result : results) {
            JsonNode position = result.at(settings.mapping().position());
            JsonNode price = result.at(settings.mapping().price());
            ranked.add(new Result(result.at(settings.mapping().name()).asString("").toLowerCase(Locale.ROOT),
                    position.isNumber() ? position.asInt() : place, price.isNumber() ? price.decimalValue() : null));
            place++;
        }
        Integer own = query.ownDomain() == null ? null
                : ranked.stream().filter(result -> result.is(query.ownDomain())).findFirst().map(Result::position)
                        .orElse(null);
        List<RankingSnapshot.CompetitorRanking> competitors = query.competitors().stream().map(name -> ranked.stream()
                .filter(result -> result.is(name)).findFirst()
                .map(result -> new RankingSnapshot.CompetitorRanking(name, result.position(), result.price()))
                .orElse(new RankingSnapshot.CompetitorRanking(name, null, null))).toList();
        return new RankingSnapshot(query.at(), SOURCE, own, competitors);
    }

    private record Result(String name, int position, BigDecimal price) {

        boolean is(String domain) {
            String wanted = domain.toLowerCase(Locale.ROOT);
            return name.equals(wanted) || name.endsWith("." + wanted);
        }
    }
}
