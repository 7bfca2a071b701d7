package app.platform.operations;

import java.time.Duration;
import java.util.function.Supplier;

import app.platform.operations.HttpClientSupport.JsonResponse;

/**
 * Spends a rate limit budget until a request is refused. A budget of N a minute refills continuously (one request
 * every 60/N s), so while the probe runs it may grant a few more than N: {@link #maxAllowed} gives the bound.
 */
public final class BudgetProbe {

    private BudgetProbe() {
    }

    /** How many requests were allowed before the first {@code 429}, and how long spending took. */
    public record Spent(int allowed, Duration took, JsonResponse refused) {

        /** The most a budget of {@code perMinute} may grant in the time spending took. */
        public int maxAllowed(int perMinute) {
            return perMinute + (int) Math.ceil(took.toMillis() * perMinute / 60_000.0) + 1;
        }
    }

    public static Spent spend(Supplier<JsonResponse> request, int atMost) {
        long start = System.nanoTime();
        for (int allowed = 0; allowed < atMost; allowed++) {
            JsonResponse response = request.get();
            if (response.status() != 200) {
                return new Spent(allowed, Duration.ofNanos(System.nanoTime() - start), response);
            }
        }
        throw new AssertionError("No request of " + atMost + " was refused");
    }
}
