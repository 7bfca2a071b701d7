package app.library;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Component;

import app.platform.blobs.BlobStore;
import app.platform.dynamodb.Page;
import app.platform.jobs.JobContext;
import app.platform.jobs.JobState;
import app.platform.jobs.JobWorker;
import app.platform.jobs.Jobs;
import app.platform.jobs.UnitOutcome;
import app.platform.web.InvalidInput;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Library exports: a background job with one unit per library item, each rendered as a Markdown file with front
 * matter (id, title, type, tags, dates, version) and kept as a part in the blob store; at the end the parts become
 * one ZIP archive in the blob store ({@code library/exports/<job id>.zip}), downloaded by the owner. File names are
 * the title made safe ({@code a-z}, digits, {@code -}) followed by the item's id, so they never collide.
 */
@Component
class LibraryExports implements JobWorker {

    static final String KIND = "library.export";
    static final Set<String> TYPES = Set.of("blog", "social", "listing");
    private static final int MAX_IDS = 1000;
    private static final int PAGE = 100;
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {
    };

    private final LibraryManagement library;
    private final Jobs jobs;
    private final BlobStore blobs;
    private final JsonMapper json;

    LibraryExports(LibraryManagement library, Jobs jobs, BlobStore blobs, JsonMapper json) {
        this.library = library;
        this.jobs = jobs;
        this.blobs = blobs;
        this.json = json;
    }

    /**
     * What to export; every field may be left out.
     *
     * @param type only items of this type ({@code blog}, {@code social}, {@code listing})
     * @param ids only these items
     */
    record Selection(String type, List<String> ids) {
    }

    /** Starts an export of the owner's items that match the selection (all of them without one). */
    JobState submit(String owner, Selection selection) {
        Selection chosen = selection == null ? new Selection(null, null) : selection;
        if (chosen.type() != null && !TYPES.contains(chosen.type())) {
            throw InvalidInput.of("type", "must be one of blog, social, listing");
        }
        List<String> ids = chosen.ids() == null ? itemIds(owner, chosen.type()) : requested(chosen.ids());
        return jobs.submit(owner, KIND, ids.size(), json.writeValueAsBytes(ids));
    }

    static String archiveKey(String jobId) {
        return "library/exports/" + jobId + ".zip";
    }

    Optional<java.io.InputStream> archive(JobState job) {
        return Optional.ofNullable(job.result().get("archive")).flatMap(blobs::open);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String title() {
        return "Library export";
    }

    @Override
    public UnitOutcome process(JobContext job, int unit) {
        String id = job.input(input -> json.readValue(input, IDS)).get(unit);
        Optional<LibraryItem> found = library.find(job.owner(), id);
        if (found.isEmpty()) {
            return UnitOutcome.failed(unit, "item " + id + " is not in the library");
        }
        LibraryItem item = found.get();
        blobs.put(job.blobKey("part-" + unit), markdownOf(item).getBytes(StandardCharsets.UTF_8));
        return UnitOutcome.succeeded(unit, fileNameOf(item));
    }

    @Override
    public Map<String, String> finish(JobContext job, List<UnitOutcome> outcomes) {
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        int files = 0;
        try (ZipOutputStream zip = new ZipOutputStream(archive, StandardCharsets.UTF_8)) {
            for (UnitOutcome outcome : outcomes) {
                if (!outcome.isSuccess()) {
                    continue;
                }
                byte[] part = blobs.read(job.blobKey("part-" + outcome.unit())).orElseThrow(() ->
                        new IllegalStateException("The exported file of unit " + outcome.unit() + " is gone"));
                zip.putNextEntry(new ZipEntry(outcome.reference()));
                zip.write(part);
                zip.closeEntry();
                files++;
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String key = archiveKey(job.id());
        blobs.put(key, archive.toByteArray());
        return Map.of("archive", key, "files", Integer.toString(files), "bytes",
                Integer.toString(archive.size()));
    }

    private List<String> itemIds(String owner, String type) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Page<LibraryItem> page = library.list(owner, type, null, cursor, PAGE);
            page.items().forEach(item -> ids.add(item.getId()));
            cursor = page.nextCursor();
            if (ids.size() > MAX_IDS) {
                throw InvalidInput.of("type", "the library holds more than " + MAX_IDS
                        + " items; export them by type or by ids");
            }
        }
        while (cursor != null);
        return ids;
    }

    private static List<String> requested(List<String> ids) {
        if (ids.isEmpty() || ids.size() > MAX_IDS
                || ids.stream().anyMatch(id -> id == null || id.isBlank() || id.length() > 100)) {
            throw InvalidInput.of("ids", "must list 1 to " + MAX_IDS + " item ids");
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    static String fileNameOf(LibraryItem item) {
        String slug = Normalizer.normalize(item.getTitle() == null ? "" : item.getTitle(), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        String id = item.getId().replaceAll("[^A-Za-z0-9-]", "_");
        return (slug.isEmpty() ? "item" : slug) + "-" + id + ".md";
    }

    static String markdownOf(LibraryItem item) {
        return "---\n"
                + "id: " + quoted(item.getId()) + "\n"
                + "title: " + quoted(item.getTitle()) + "\n"
                + "type: " + quoted(item.getType()) + "\n"
                + "tags: []\n"
                + "created: " + quoted(String.valueOf(item.getCreatedAt())) + "\n"
                + "updated: " + quoted(String.valueOf(item.getUpdatedAt())) + "\n"
                + "version: " + item.getVersion() + "\n"
                + "---\n\n"
                + "# " + (item.getTitle() == null ? "" : item.getTitle().replace('\n', ' ')) + "\n\n"
                + (item.getBody() == null ? "" : item.getBody()) + "\n";
    }

    /** A YAML double-quoted scalar. */
    private static String quoted(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : (value == null ? "" : value).toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\x%02x", (int) c));
                    }
                    else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
