package app.studio;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.platform.dynamodb.Page;
import app.platform.saga.SagaStep;
import app.platform.security.CurrentUser;
import app.platform.web.NotFound;
import app.platform.web.PageRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Content generation: accepted at once ({@code 202}), followed at the generation's URL. */
@RestController
@RequestMapping("/api/v1/studio")
class StudioController {

    private final StudioManagement management;
    private final ContentSaga saga;
    private final JsonMapper json;

    StudioController(StudioManagement management, ContentSaga saga, JsonMapper json) {
        this.management = management;
        this.saga = saga;
        this.json = json;
    }

    record Accepted(String id, String type, String status) {
    }

    /**
     * @param sagaStatus the content saga as a whole: RUNNING, COMPLETED, INCOMPLETE (a step after the library save
     *     failed or timed out and is being retried), COMPENSATING, COMPENSATED or COMPENSATION_FAILED
     * @param steps the saga's steps in the order they started
     */
    record GenerationView(String id, String type, String status, int progress, JsonNode content, String failureReason,
            String sagaStatus, List<SagaStep> steps, Instant createdAt, Instant updatedAt) {
    }

    @PostMapping("/content/{type}")
    ResponseEntity<Accepted> generate(CurrentUser caller, @PathVariable String type, @RequestBody ContentBrief brief) {
        Generation generation = management.accept(caller.id(), type, brief);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/studio/generations/" + generation.getId()))
                .body(new Accepted(generation.getId(), generation.getType(), generation.getStatus()));
    }

    @GetMapping("/generations/{id}")
    GenerationView generation(CurrentUser caller, @PathVariable String id) {
        return view(management.find(caller.id(), id).orElseThrow(() -> new NotFound("No generation " + id)));
    }

    @GetMapping("/generations")
    Page<GenerationView> generations(CurrentUser caller, PageRequest page) {
        Page<Generation> found = management.list(caller.id(), page.cursor(), page.limit());
        return new Page<>(found.items().stream().map(this::view).toList(), found.nextCursor());
    }

    private GenerationView view(Generation generation) {
        return new GenerationView(generation.getId(), generation.getType(), generation.getStatus(),
                generation.getProgress(), generation.getContent() == null ? null : json.readTree(generation.getContent()),
                generation.getFailureReason(), generation.getSagaStatus(), saga.stepsOf(generation).list(),
                generation.getCreatedAt(), generation.getUpdatedAt());
    }
}
