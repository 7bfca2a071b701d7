package app.research;

import java.time.Instant;
import java.util.List;

/**
 * What a ranking refresh asks the provider.
 *
 * @param ownDomain the user's own domain or name, or {@code null}
 * @param at the time the ranking should describe (the current time, except in tests)
 */
record RankingQuery(String keyword, String ownDomain, List<String> competitors, Instant at) {

    RankingQuery {
        competitors = List.copyOf(competitors);
    }
}
