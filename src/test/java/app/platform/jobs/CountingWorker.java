package app.platform.jobs;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

/**
 * A job kind for the facility's own tests: unit {@code n} takes the {@code n}-th word of the input; {@code bad} fails
 * the unit, and a word ending in {@code !} makes the worker die the first time (its thread ends with an
 * {@link Error}, as if its instance stopped in the middle of the unit).
 */
@Component
class CountingWorker implements JobWorker {

    static final String KIND = "test.counting";

    /** Every unit run, as {@code <job id>:<unit>}, in order. */
    final List<String> processed = new CopyOnWriteArrayList<>();
    /** Units whose worker died, as {@code <job id>:<unit>}. */
    final Set<String> died = ConcurrentHashMap.newKeySet();

    /** What a worker that dies throws: not an exception a job runner could handle. */
    static final class WorkerDied extends Error {

        WorkerDied() {
            super("The worker's instance stopped", null, false, false);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String title() {
        return "Counting";
    }

    @Override
    public UnitOutcome process(JobContext job, int unit) {
        String word = job.input(input -> new String(input, StandardCharsets.UTF_8).split(" "))[unit];
        if (word.endsWith("!") && died.add(job.id() + ":" + unit)) {
            throw new WorkerDied();
        }
        processed.add(job.id() + ":" + unit);
        return word.equals("bad") ? UnitOutcome.failed(unit, "bad word") : UnitOutcome.succeeded(unit, word);
    }

    @Override
    public Map<String, String> finish(JobContext job, List<UnitOutcome> outcomes) {
        return Map.of("words", Long.toString(outcomes.stream().filter(UnitOutcome::isSuccess).count()));
    }
}
