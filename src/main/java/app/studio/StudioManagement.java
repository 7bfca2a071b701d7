package app.studio;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import app.platform.dynamodb.Page;
import app.platform.saga.SagaStep;
import app.platform.web.NotFound;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts generations and runs them. Accepting reserves a quota unit, then creates the generation with a
 * {@link GenerationRequested} event in one transaction; the run happens in that event's listener, so it survives a
 * crash: the registry hands the event to the listener again after a restart and the run starts over (the built-in
 * generator is deterministic). Completing is one transaction of the generation and its {@code ai.content.*.generated}
 * event (with the library step's {@link ContentReadyForLibrary} for social posts and listings); failing, of the
 * generation and {@link GenerationFailed}, which starts the compensations. The {@link ContentSaga} keeps the steps.
 */
@Service
class StudioManagement {

    private final Generations generations;
    private final StudioProfiles profiles;
    private final QuotaReservations reservations;
    private final ContentGenerator generator;
    private final ApplicationEventPublisher events;
    private final TransactionOperations transactions;
    private final ContentSaga saga;
    private final JsonMapper json;
    private final Clock clock;

    StudioManagement(Generations generations, StudioProfiles profiles, QuotaReservations reservations,
            ContentGenerator generator, ApplicationEventPublisher events, TransactionOperations transactions,
            ContentSaga saga, JsonMapper json, Clock clock) {
        this.generations = generations;
        this.profiles = profiles;
        this.reservations = reservations;
        this.generator = generator;
        this.events = events;
        this.transactions = transactions;
        this.saga = saga;
        this.json = json;
        this.clock = clock;
    }

    Generation accept(String owner, String typeId, ContentBrief brief) {
        ContentType type = ContentType.ofId(typeId).orElseThrow(() -> new NotFound("No content type " + typeId
                + "; the studio generates blog, social and listing"));
        brief.checkedFor(type);
        Instant now = clock.instant();
        String id = GenerationIds.next(now);
        String month = reservations.reserve(owner, id);
        Generation generation = Generation.accepted(id, owner, type, json.writeValueAsString(brief), month, now);
        saga.begin(generation, now);
        transactions.executeWithoutResult(status -> {
            generations.create(generation);
            events.publishEvent(new GenerationRequested(UUID.randomUUID(), id, owner));
        });
        return generation;
    }

    Optional<Generation> find(String owner, String id) {
        return generations.find(Generation.key(owner, id));
    }

    Page<Generation> list(String owner, String cursor, int limit) {
        return generations.newestOf(owner, cursor, limit);
    }

    /** Runs an accepted generation to its end; does nothing for one already finished. */
    void run(GenerationRequested request) {
        Optional<Generation> found = find(request.owner(), request.generationId());
        if (found.isEmpty() || found.get().isFinished()) {
            return;
        }
        Generation generation = found.get();
        change(generation, running -> {
            running.setStatus(GenerationStatus.RUNNING.name());
            running.setProgress(0);
            saga.generating(running, clock.instant());
        });
        ContentBrief brief = json.readValue(generation.getBrief(), ContentBrief.class);
        Personalization personalization = profiles.find(StudioProfile.key(generation.getOwner()))
                .map(Personalization::of).orElse(new Personalization(null, null, null, null));
        GeneratedContent content;
        try {
            content = generator.generate(generation.contentType(), brief, personalization, (written, planned) -> {
                int progress = Math.min(99, written * 100 / planned);
                change(generation, running -> running.setProgress(progress));
                events.publishEvent(new GenerationProgressed(generation.getId(), generation.getOwner(), progress,
                        GenerationStatus.RUNNING.name()));
            });
        }
        catch (RuntimeException failure) {
            fail(generation, "The generator failed: " + failure.getMessage());
            return;
        }
        complete(generation, brief, content);
    }

    private void complete(Generation generation, ContentBrief brief, GeneratedContent content) {
        AtomicBoolean completed = new AtomicBoolean();
        generations.updateIfChanged(Generation.key(generation.getOwner(), generation.getId()), current -> {
            completed.set(!current.isFinished()); // not when given up meanwhile (it ran past its timeout)
            if (!completed.get()) {
                return false;
            }
            current.setStatus(GenerationStatus.COMPLETED.name());
            current.setProgress(100);
            current.setContent(json.writeValueAsString(content));
            saga.generated(current, clock.instant());
            current.setUpdatedAt(clock.instant());
            events.publishEvent(generatedEvent(current, brief, content));
            if (current.contentType() != ContentType.BLOG) {
                events.publishEvent(new ContentReadyForLibrary(UUID.randomUUID(), current.getId(), current.getOwner(),
                        current.getType(), content.title(), LibraryDocument.of(content)));
            }
            return true;
        }).orElseThrow();
        if (completed.get()) {
            events.publishEvent(new GenerationProgressed(generation.getId(), generation.getOwner(), 100,
                    GenerationStatus.COMPLETED.name()));
        }
    }

    private void fail(Generation generation, String reason) {
        generations.updateIfChanged(Generation.key(generation.getOwner(), generation.getId()), current -> {
            if (current.isFinished()) {
                return false;
            }
            Instant now = clock.instant();
            saga.giveUp(current, SagaStep.failed(ContentSaga.GENERATE, now, reason), reason, now);
            current.setUpdatedAt(now);
            return true;
        }).orElseThrow();
        events.publishEvent(new GenerationProgressed(generation.getId(), generation.getOwner(),
                generation.getProgress(), GenerationStatus.FAILED.name()));
    }

    private static Object generatedEvent(Generation generation, ContentBrief brief, GeneratedContent content) {
        UUID eventId = UUID.randomUUID();
        return switch (generation.contentType()) {
            case BLOG -> new BlogContentGenerated(eventId, generation.getId(), generation.getOwner(), content.title(),
                    content.body(), brief.keywords());
            case SOCIAL -> new SocialContentGenerated(eventId, generation.getId(), generation.getOwner(),
                    content.title(), content.posts().stream()
                            .map(post -> new SocialContentGenerated.Post(post.platform(), post.text())).toList());
            case LISTING -> new ListingContentGenerated(eventId, generation.getId(), generation.getOwner(),
                    content.title(), content.bullets(), content.description());
        };
    }

    /** Applies a change to the stored generation (read again, so the write is over the current version). */
    private void change(Generation generation, Consumer<Generation> change) {
        generations.update(Generation.key(generation.getOwner(), generation.getId()), current -> {
            change.accept(current);
            current.setUpdatedAt(clock.instant());
        }).orElseThrow();
    }

}
