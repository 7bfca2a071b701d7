package app.platform.jobs;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * A background job ended: {@code COMPLETED} (possibly with failed units), {@code FAILED} or {@code CANCELLED}.
 *
 * @param title what the job is, for people ("Bulk listings")
 * @param summary its outcome in one sentence
 */
@Externalized("background.job.completed")
public record BackgroundJobCompleted(UUID eventId, String jobId, String userId, String kind, String title,
        String status, int total, int done, int failed, String summary) {
}
