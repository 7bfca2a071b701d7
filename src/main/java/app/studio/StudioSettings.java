package app.studio;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param monthlyGenerations generations per calendar month (UTC) by plan; a negative number means unlimited
 * @param abandonedReservationAge how old a pending quota reservation without its generation must be before it is
 *     given back
 * @param chunkDelay the built-in generator's pause per chunk, so progress is visible in a local run
 * @param saga how long the content saga waits for its steps
 * @param generator which generator writes the content: the built-in one or a model through Spring AI
 * @param ai the model's address, key and call policy; read only when {@code generator} is a model
 * @param bulkListings the limits of bulk listing uploads
 */
@Validated
@ConfigurationProperties("app.studio")
record StudioSettings(Map<String, Integer> monthlyGenerations,
        @DefaultValue("2m") Duration abandonedReservationAge, @DefaultValue("300ms") Duration chunkDelay,
        @DefaultValue Saga saga, @DefaultValue("local") @NotNull Generator generator, @Valid @DefaultValue Ai ai,
        @Valid @DefaultValue BulkListings bulkListings) {

    /**
     * @param generateTimeout how long a generation may run before it is given up (and compensated)
     * @param stepTimeout how long the library, analytics, notification and brand steps may take to answer
     * @param compensationTimeout how long a compensation may take before the saga shows it as failed
     */
    record Saga(@DefaultValue("10m") Duration generateTimeout, @DefaultValue("30s") Duration stepTimeout,
            @DefaultValue("1m") Duration compensationTimeout) {
    }

    /**
     * @param maxFileSize the largest CSV file accepted
     * @param maxRows the most data rows a file may have
     * @param rowInterval the pause between two rows, so one upload does not crowd out everyone's generations
     */
    record BulkListings(@DefaultValue("512KB") @NotNull DataSize maxFileSize,
            @DefaultValue("500") @Min(1) @Max(1000) int maxRows, @DefaultValue("100ms") @NotNull Duration rowInterval) {
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

    /** The generators to choose from ({@code app.studio.generator}). */
    enum Generator {
        /** The built-in, deterministic generator: no network, no key. */
        LOCAL,
        /** OpenAI's Chat Completions API, or any server that speaks it. */
        OPENAI,
        /** Anthropic's Messages API. */
        ANTHROPIC
    }

    /**
     * How the studio calls a model.
     *
     * @param baseUrl the API's address; unset means the provider's public API. For OpenAI-compatible servers the
     *     address up to and including the version segment, e.g. {@code http://localhost:11434/v1}
     * @param apiKey the API key; for {@code openai} it may stay empty for a server that asks for none
     * @param model the model's name; unset means Spring AI's default model of the provider
     * @param timeout the longest a generation may wait for the model in all, retries and their pauses included
     * @param idleTimeout the longest the model may stay silent (no chunk) before the attempt is abandoned
     * @param maxAttempts attempts for transient failures (connection refused, 429, 5xx), the first included
     * @param initialBackoff the pause before the first retry; it doubles with each further retry
     * @param maxTokens the most tokens the model may write (Anthropic requires a bound; 4096 holds a long blog)
     */
    record Ai(String baseUrl, String apiKey, String model, @DefaultValue("120s") @NotNull Duration timeout,
            @DefaultValue("30s") @NotNull Duration idleTimeout, @DefaultValue("3") @Min(1) @Max(10) int maxAttempts,
            @DefaultValue("1s") @NotNull Duration initialBackoff, @DefaultValue("4096") @Min(256) int maxTokens) {

        /** Never shows the key: settings end up in logs and actuator output. */
        @Override
        public String toString() {
            return "Ai[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null || apiKey.isEmpty() ? "(none)" : "(set)")
                    + ", model=" + model + ", timeout=" + timeout + ", idleTimeout=" + idleTimeout + ", maxAttempts="
                    + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxTokens=" + maxTokens + "]";
        }
    }
}
