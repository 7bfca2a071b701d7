package app.platform.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job as its owner sees it.
 *
 * @param total the number of units
 * @param done how many units have ended (succeeded or failed)
 * @param failed how many of those failed
 * @param outcomes each ended unit's outcome, in unit order
 * @param result what the job produced as a whole (e.g. where its archive is), once completed
 * @param failureReason why the job failed as a whole, when {@code FAILED}
 * @param attempts how many runs the job took (more than one when a worker stopped and another took over)
 */
public record JobState(String id, String owner, String kind, JobStatus status, int total, int done, int failed,
        List<UnitOutcome> outcomes, Map<String, String> result, String failureReason, int attempts,
        Instant createdAt, Instant startedAt, Instant finishedAt) {

    /** Units ended, in percent of all units (100 for a job without units once it ended). */
    public int percent() {
        if (total == 0) {
            return status.isFinal() ? 100 : 0;
        }
        return done * 100 / total;
    }
}
