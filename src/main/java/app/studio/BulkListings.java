package app.studio;

import java.time.Duration;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import app.platform.jobs.JobContext;
import app.platform.jobs.JobState;
import app.platform.jobs.JobWorker;
import app.platform.jobs.Jobs;
import app.platform.jobs.UnitOutcome;
import app.platform.web.InvalidInput;
import app.platform.web.ProblemException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk listings: a CSV upload becomes a background job with one unit per row, each row one listing generation
 * through the studio's normal path (its checks, its quota, its saga). A row refused (wrong field count, a field
 * missing or too long, the month's quota used up) is a failed row with the reason; the job carries on with the next.
 */
@Component
class BulkListings implements JobWorker {

    static final String KIND = "studio.bulk-listings";

    private final StudioManagement management;
    private final Jobs jobs;
    private final StudioSettings.BulkListings settings;
    private final JsonMapper json;

    BulkListings(StudioManagement management, Jobs jobs, StudioSettings settings, JsonMapper json) {
        this.management = management;
        this.jobs = jobs;
        this.settings = settings.bulkListings();
        this.json = json;
    }

    /** Checks the upload as a whole (size, CSV, header, row count) and starts the job. */
    JobState submit(String owner, MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw InvalidInput.of("file", "is required: a CSV file with a header row and one row per listing");
        }
        if (file.getSize() > settings.maxFileSize().toBytes()) {
            throw new UploadTooLarge("The file is larger than " + settings.maxFileSize().toBytes() + " bytes");
        }
        byte[] content;
        try {
            content = file.getBytes();
        }
        catch (java.io.IOException e) {
            throw InvalidInput.of("file", "could not be read");
        }
        ListingRows rows = ListingRows.parse(content, settings.maxRows());
        return jobs.submit(owner, KIND, rows.size(), json.writeValueAsBytes(rows));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String title() {
        return "Bulk listings";
    }

    @Override
    public UnitOutcome process(JobContext job, int unit) {
        ListingRows rows = job.input(input -> json.readValue(input, ListingRows.class));
        try {
            Generation generation = management.accept(job.owner(), ContentType.LISTING.id(), rows.briefOf(unit));
            return UnitOutcome.succeeded(unit, generation.getId());
        }
        catch (InvalidInput invalid) {
            return UnitOutcome.failed(unit, invalid.getMessage());
        }
        catch (ProblemException refused) {
            return UnitOutcome.failed(unit, refused.getBody().getTitle() + ": " + refused.getMessage());
        }
    }

    @Override
    public Duration pauseBetweenUnits() {
        return settings.rowInterval();
    }

    /** Row numbers count from 1, the first row after the header. */
    static int rowOf(UnitOutcome outcome) {
        return outcome.unit() + 1;
    }
}
