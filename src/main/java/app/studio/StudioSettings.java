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
 * @param saga how long the content saga waits for its steps
 */
@Validated
@ConfigurationProperties("app.studio")
record StudioSettings(Map<String, Integer> monthlyGenerations,
        @DefaultValue("2m") Duration abandonedReservationAge, @DefaultValue("300ms") Duration chunkDelay,
        @DefaultValue Saga saga) {

    /**
     * @param generateTimeout how long a generation may run before it is given up (and compensated)
     * @param stepTimeout how long the library, analytics, notification and brand steps may take to answer
     * @param compensationTimeout how long a compensation may take before the saga shows it as failed
     */
    record Saga(@DefaultValue("10m") Duration generateTimeout, @DefaultValue("30s") Duration stepTimeout,
            @DefaultValue("1m") Duration compensationTimeout) {
    }

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
