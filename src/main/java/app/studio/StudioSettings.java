package app.studio;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param monthlyGenerations generations per calendar month (UTC) by plan; a negative number means unlimited
 * @param abandonedReservationAge how old a pending quota reservation without its generation must be before it is
 *     given back
 * @param chunkDelay the built-in generator's pause per chunk, so progress is visible in a local run
 */
@Validated
@ConfigurationProperties("app.studio")
record StudioSettings(Map<String, Integer> monthlyGenerations,
        @DefaultValue("2m") Duration abandonedReservationAge, @DefaultValue("300ms") Duration chunkDelay) {

    private static final Map<String, Integer> DEFAULTS = Map.of("free", 20, "pro", 500, "business", -1);

    StudioSettings {
        Map<String, Integer> merged = new HashMap<>(DEFAULTS);
        if (monthlyGenerations != null) {
            merged.putAll(monthlyGenerations);
        }
        monthlyGenerations = Map.copyOf(merged);
    }

    int limitFor(String plan) {
        return monthlyGenerations.getOrDefault(plan, monthlyGenerations.get("free"));
    }
}
