package app.platform.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The work of one kind of job, implemented by the module that submits it. Units run one after another, in order;
 * between two units the job's state is stored (progress, lease) and a cancellation is noticed. A unit may run again
 * after a crash (its outcome was not stored yet), so it should be safe to repeat or say so.
 */
public interface JobWorker {

    /** The kind of jobs this worker runs, e.g. {@code studio.bulk-listings}. */
    String kind();

    /** What the job is, for people ("Bulk listings"). */
    String title();

    /**
     * Runs one unit. A unit that cannot be done answers {@link UnitOutcome#failed}; an exception is recorded as the
     * unit's failure too, and the job carries on.
     */
    UnitOutcome process(JobContext job, int unit);

    /**
     * After the last unit: produces the job's result (e.g. assembles an archive). An exception fails the job.
     *
     * @param outcomes every unit's outcome, in unit order
     */
    default Map<String, String> finish(JobContext job, List<UnitOutcome> outcomes) {
        return Map.of();
    }

    /** A pause between two units, so a large job does not crowd out other work (none by default). */
    default Duration pauseBetweenUnits() {
        return Duration.ZERO;
    }
}
