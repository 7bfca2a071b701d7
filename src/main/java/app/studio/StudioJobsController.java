package app.studio;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import app.platform.jobs.JobState;
import app.platform.jobs.JobStatus;
import app.platform.jobs.Jobs;
import app.platform.security.CurrentUser;
import app.platform.web.NotFound;

/** The studio's background jobs: bulk listings from a CSV file, followed at the job's URL. */
@RestController
@RequestMapping("/api/v1/studio/jobs")
class StudioJobsController {

    private final BulkListings bulkListings;
    private final Jobs jobs;

    StudioJobsController(BulkListings bulkListings, Jobs jobs) {
        this.bulkListings = bulkListings;
        this.jobs = jobs;
    }

    /** How far a job got: units ended (succeeded or failed) of all, and in percent. */
    record Progress(int done, int total, int failed, int percent) {
    }

    /**
     * One row's outcome.
     *
     * @param row the row's number, from 1 for the first row after the header
     * @param generationId the generation the row started, when it did
     * @param error why the row failed, when it did
     */
    record Row(int row, String generationId, String error) {
    }

    /**
     * What a completed job produced.
     *
     * @param generations how many rows started a generation
     * @param failedRows how many rows failed
     */
    record Result(int generations, int failedRows) {
    }

    /**
     * @param status PENDING, RUNNING, COMPLETED (rows may have failed: see {@code rows}), FAILED or CANCELLED
     * @param result the counts, once COMPLETED
     * @param rows every row ended so far, in order
     */
    record JobView(String id, String kind, String status, Progress progress, Result result, List<Row> rows,
            String failureReason, Instant createdAt, Instant startedAt, Instant finishedAt) {

        static JobView of(JobState job) {
            Result result = job.status() != JobStatus.COMPLETED ? null
                    : new Result(job.done() - job.failed(), job.failed());
            return new JobView(job.id(), job.kind(), job.status().name(), new Progress(job.done(), job.total(),
                    job.failed(), job.percent()), result, job.outcomes().stream()
                            .map(outcome -> new Row(BulkListings.rowOf(outcome), outcome.reference(), outcome.error()))
                            .toList(), job.failureReason(), job.createdAt(), job.startedAt(), job.finishedAt());
        }
    }

    /**
     * Starts one listing generation per row of a CSV file ({@code file}: a header row naming {@code productName},
     * {@code features} (separated by {@code ;}) and {@code audience}, then one row per listing). Answers {@code 202}
     * with the job's URL in {@code Location}.
     */
    @PostMapping(path = "/bulk-listings", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<JobView> bulkListings(CurrentUser caller, @RequestPart("file") MultipartFile file) {
        JobState job = bulkListings.submit(caller.id(), file);
        return ResponseEntity.accepted().location(URI.create("/api/v1/studio/jobs/" + job.id())).body(JobView.of(job));
    }

    @GetMapping("/{id}")
    JobView job(CurrentUser caller, @PathVariable String id) {
        return JobView.of(jobs.find(caller.id(), BulkListings.KIND, id).orElseThrow(() -> notFound(id)));
    }

    /** Cancels the job: rows not started yet are not generated. A job that already ended stays as it is. */
    @PostMapping("/{id}/cancel")
    JobView cancel(CurrentUser caller, @PathVariable String id) {
        return JobView.of(jobs.cancel(caller.id(), BulkListings.KIND, id).orElseThrow(() -> notFound(id)));
    }

    /** The same as {@code POST .../cancel}. */
    @DeleteMapping("/{id}")
    JobView delete(CurrentUser caller, @PathVariable String id) {
        return cancel(caller, id);
    }

    private static NotFound notFound(String id) {
        return new NotFound("No studio job " + id);
    }
}
