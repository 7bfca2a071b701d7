package app.research;

/**
 * Where rankings come from: the built-in {@link SampleRankingProvider} (no network, generated figures) or the
 * {@link HttpRankingProvider} for a search-results API, chosen by {@code app.research.provider}.
 */
interface RankingProvider {

    /**
     * The current ranking for the query.
     *
     * @throws RankingUnavailable when the source cannot answer (unreachable, too slow, an error, an unreadable answer)
     */
    RankingSnapshot rank(RankingQuery query);
}
