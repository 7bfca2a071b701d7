package app.library;

import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.platform.jobs.JobState;
import app.platform.jobs.JobStatus;
import app.platform.jobs.Jobs;
import app.platform.security.CurrentUser;
import app.platform.web.NotFound;

/** Exports of the caller's library as a ZIP of Markdown files, made in the background. */
@RestController
@RequestMapping("/api/v1/library/exports")
class LibraryExportsController {

    private final LibraryExports exports;
    private final Jobs jobs;

    LibraryExportsController(LibraryExports exports, Jobs jobs) {
        this.exports = exports;
        this.jobs = jobs;
    }

    /** How far an export got: items ended (written or failed) of all, and in percent. */
    record Progress(int done, int total, int failed, int percent) {
    }

    /**
     * One item's outcome.
     *
     * @param file the file name in the archive, when the item was written
     * @param error why the item is not in the archive, when it is not
     */
    record File(String file, String error) {
    }

    /**
     * What a completed export produced.
     *
     * @param files how many files the archive holds
     * @param archive where to download the ZIP archive
     */
    record Result(int files, String archive) {
    }

    /**
     * @param status PENDING, RUNNING, COMPLETED, FAILED or CANCELLED
     * @param result the archive, once COMPLETED
     */
    record ExportView(String id, String status, Progress progress, Result result, List<File> files,
            String failureReason, Instant createdAt, Instant startedAt, Instant finishedAt) {

        static ExportView of(JobState job) {
            Result result = job.status() != JobStatus.COMPLETED ? null : new Result(Integer.parseInt(
                    job.result().getOrDefault("files", "0")), "/api/v1/library/exports/" + job.id() + "/archive");
            return new ExportView(job.id(), job.status().name(), new Progress(job.done(), job.total(), job.failed(),
                    job.percent()), result, job.outcomes().stream().map(outcome -> new File(outcome.reference(),
                            outcome.error())).toList(),
                    job.failureReason(), job.createdAt(), job.startedAt(), job.finishedAt());
        }
    }

    /**
     * Starts an export of the caller's items: all of them, or those of {@code type}, or those of {@code ids}.
     * Answers {@code 202} with the export's URL in {@code Location}.
     */
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<ExportView> export(CurrentUser caller,
            @RequestBody(required = false) LibraryExports.Selection selection) {
        JobState job = exports.submit(caller.id(), selection);
        return ResponseEntity.accepted().location(URI.create("/api/v1/library/exports/" + job.id()))
                .body(ExportView.of(job));
    }

    @GetMapping("/{id}")
    ExportView export(CurrentUser caller, @PathVariable String id) {
        return ExportView.of(find(caller, id));
    }

    /** The export's ZIP archive, once it is COMPLETED ({@code 409 export-not-ready} before). */
    @GetMapping(path = "/{id}/archive", produces = { "application/zip", MediaType.APPLICATION_PROBLEM_JSON_VALUE })
    ResponseEntity<InputStreamResource> archive(CurrentUser caller, @PathVariable String id) {
        JobState job = find(caller, id);
        if (job.status() != JobStatus.COMPLETED) {
            throw new ExportNotReady(id, job.status().name());
        }
        InputStream archive = exports.archive(job).orElseThrow(() -> new NotFound("The archive of export " + id
                + " is no longer kept"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("library-export-" + id + ".zip").build().toString())
                .body(new InputStreamResource(archive));
    }

    /** Cancels the export; one that already ended stays as it is. */
    @PostMapping("/{id}/cancel")
    ExportView cancel(CurrentUser caller, @PathVariable String id) {
        return ExportView.of(jobs.cancel(caller.id(), LibraryExports.KIND, id).orElseThrow(() -> notFound(id)));
    }

    /** The same as {@code POST .../cancel}. */
    @DeleteMapping("/{id}")
    ExportView delete(CurrentUser caller, @PathVariable String id) {
        return cancel(caller, id);
    }

    private JobState find(CurrentUser caller, String id) {
        return jobs.find(caller.id(), LibraryExports.KIND, id).orElseThrow(() -> notFound(id));
    }

    private static NotFound notFound(String id) {
        return new NotFound("No library export " + id);
    }
}
