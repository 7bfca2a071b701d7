package app.studio;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import app.platform.dynamodb.Page;
import app.platform.dynamodb.SortableTime;
import app.platform.saga.SagaStep;
import app.platform.saga.SagaSteps;
import tools.jackson.databind.json.JsonMapper;

/**
 * The content saga's state, kept on the generation: generate (studio) → save to the library → update analytics →
 * notify the user, with the brand audit as one more step for listings. {@code generate} and {@code library} are
 * decisive: when either fails for good or does not answer in time, the saga compensates (the quota unit is given
 * back, what the library saved is withdrawn, the user is told). The steps after the library save cannot undo
 * anything the user cares about, so they are retried forward (see {@link SagaSteps}). Steps are started by
 * events and report back with {@link GenerationStepCompleted} or {@link GenerationStepFailed}; a step that never
 * answers is found by {@link #expireOverdue} through the generation's sparse deadline index. Giving a generation up
 * and publishing {@link GenerationFailed}, whose listeners run the compensations, happen in one transaction.
 */
@Service
class ContentSaga {

    static final String ACCEPTED = "accepted";
    static final String GENERATE = "generate";
    static final String LIBRARY = "library";
    static final String ANALYTICS = "analytics";
    static final String NOTIFY = "notify";
    static final String BRAND_AUDIT = "brand-audit";
    static final String REFUND_QUOTA = "refund-quota";
    static final String REMOVE_FROM_LIBRARY = "remove-from-library";
    static final String NOTIFY_FAILURE = "notify-failure";
    static final SagaSteps.Rules RULES = new SagaSteps.Rules(Set.of(GENERATE, LIBRARY),
            Set.of(REFUND_QUOTA, REMOVE_FROM_LIBRARY, NOTIFY_FAILURE));

    private static final Logger log = LoggerFactory.getLogger(ContentSaga.class);
    private static final int SHARDS = 4;

    private final Generations generations;
    private final StudioSettings.Saga timeouts;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    ContentSaga(Generations generations, StudioSettings settings, ApplicationEventPublisher events,
            JsonMapper json, Clock clock) {
        this.generations = generations;
        this.timeouts = settings.saga();
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    static String shardOf(String generationId) {
        return "SAGA#" + Math.floorMod(generationId.hashCode(), SHARDS);
    }

    SagaSteps stepsOf(Generation generation) {
        return SagaSteps.read(json, generation.getSteps(), RULES);
    }

    /** A generation is accepted: its run is expected within the generate timeout. */
    void begin(Generation generation, Instant now) {
        SagaSteps steps = stepsOf(generation);
        steps.put(SagaStep.completed(ACCEPTED, now));
        steps.put(SagaStep.pending(GENERATE, now, now.plus(timeouts.generateTimeout())));
        write(generation, steps);
    }

    void generating(Generation generation, Instant now) {
        SagaSteps steps = stepsOf(generation);
        steps.find(GENERATE).ifPresent(step -> steps.put(step.running(now)));
        write(generation, steps);
    }

    /** The content is written: the library, analytics and notification steps (and a listing's audit) start. */
    void generated(Generation generation, Instant now) {
        SagaSteps steps = stepsOf(generation);
        steps.put(SagaStep.completed(GENERATE, now));
        Instant deadline = now.plus(timeouts.stepTimeout());
        for (String next : List.of(LIBRARY, ANALYTICS, NOTIFY)) {
            steps.put(SagaStep.pending(next, now, deadline));
        }
        if (generation.contentType() == ContentType.LISTING) {
            steps.put(SagaStep.pending(BRAND_AUDIT, now, deadline));
        }
        write(generation, steps);
    }

    /**
     * Gives the generation up because a decisive step failed or timed out, inside the caller's transaction: the
     * generation is {@code FAILED} and {@link GenerationFailed} starts the compensations.
     */
    void giveUp(Generation generation, SagaStep failedStep, String reason, Instant now) {
        SagaSteps steps = stepsOf(generation);
        steps.put(failedStep);
        steps.cancelOpenForwardSteps(now, "not run: the generation was given up");
        Instant deadline = now.plus(timeouts.compensationTimeout());
        steps.put(SagaStep.pending(REFUND_QUOTA, now, deadline));
        if (steps.find(LIBRARY).isPresent()) {
            steps.put(SagaStep.pending(REMOVE_FROM_LIBRARY, now, deadline));
        }
        steps.put(SagaStep.pending(NOTIFY_FAILURE, now, deadline));
        generation.setStatus(GenerationStatus.FAILED.name());
        generation.setFailureReason(reason);
        write(generation, steps);
        List<String> compensations = steps.list().stream().map(SagaStep::name).filter(RULES::isCompensation)
                .toList();
        events.publishEvent(new GenerationFailed(UUID.randomUUID(), generation.getId(), generation.getOwner(),
                generation.getType(), reason, compensations));
    }

    /** Records a step's success; a redelivered report rewrites the same step. */
    void stepCompleted(String owner, String generationId, String step) {
        change(owner, generationId, generation -> {
            SagaSteps steps = stepsOf(generation);
            steps.put(SagaStep.completed(step, clock.instant()));
            write(generation, steps);
        });
    }

    /** Records a step's failure for good; a decisive one gives the generation up. */
    void stepFailed(String owner, String generationId, String step, String reason) {
        change(owner, generationId, generation -> {
            Instant now = clock.instant();
            SagaStep failed = SagaStep.failed(step, now, reason);
            if (RULES.isDecisive(step) && !generation.isFinishedAs(GenerationStatus.FAILED)) {
                giveUp(generation, failed, reason, now);
            }
            else {
                SagaSteps steps = stepsOf(generation);
                steps.put(failed);
                write(generation, steps);
            }
        });
    }

    /**
     * Times out every open step whose deadline is passed as of {@code asOf} (the current time, except in tests): a
     * decisive one gives the generation up, a compensation shows as failed, a forward step leaves the saga
     * incomplete.
     *
     * @return how many sagas had an overdue step
     */
    int expireOverdue(Instant asOf) {
        int expired = 0;
        for (int shard = 0; shard < SHARDS; shard++) {
            String cursor = null;
            do {
                Page<Generation> page = generations.sagasDueBy("SAGA#" + shard, SortableTime.format(asOf), cursor);
                for (Generation due : page.items()) {
                    change(due.getOwner(), due.getId(), generation -> expire(generation, asOf));
                    expired++;
                }
                cursor = page.nextCursor();
            }
            while (cursor != null);
        }
        return expired;
    }

    @Scheduled(initialDelayString = "${app.studio.saga.sweep-interval:5s}",
            fixedDelayString = "${app.studio.saga.sweep-interval:5s}")
    void expireOverdueRegularly() {
        try {
            int expired = expireOverdue(clock.instant());
            if (expired > 0) {
                log.info("Timed out overdue steps of {} content saga(s)", expired);
            }
        }
        catch (RuntimeException e) {
            log.warn("Content saga timeout sweep failed; retrying at the next interval: {}", e.toString());
        }
    }

    /** Times out the steps overdue as of {@code asOf}; what happens is recorded at the current time. */
    private void expire(Generation generation, Instant asOf) {
        Instant now = clock.instant();
        SagaSteps steps = stepsOf(generation);
        List<SagaStep> overdue = steps.overdueAt(asOf);
        Optional<SagaStep> decisive = overdue.stream().filter(step -> RULES.isDecisive(step.name())).findFirst();
        if (decisive.isPresent() && !generation.isFinishedAs(GenerationStatus.FAILED)) {
            SagaStep timedOut = decisive.get().timedOutAt(now, silence(decisive.get()));
            giveUp(generation, timedOut, "The " + timedOut.name() + " step did not answer in time ("
                    + timedOut.reason() + ").", now);
            return;
        }
        overdue.forEach(step -> steps.put(step.timedOutAt(now, silence(step))));
        write(generation, steps);
    }

    private String silence(SagaStep step) {
        return "no answer within " + timeoutOf(step.name()).toSeconds() + " s";
    }

    private Duration timeoutOf(String step) {
        if (GENERATE.equals(step)) {
            return timeouts.generateTimeout();
        }
        return RULES.isCompensation(step) ? timeouts.compensationTimeout() : timeouts.stepTimeout();
    }

    /** Writes the steps, the saga's status and its place in the deadline index onto the generation. */
    private void write(Generation generation, SagaSteps steps) {
        generation.setSteps(steps.write(json));
        generation.setSagaStatus(steps.status().name());
        steps.nextDeadline().ifPresentOrElse(deadline -> {
            generation.setGsi1pk(shardOf(generation.getId()));
            generation.setGsi1sk(SortableTime.format(deadline) + "#" + generation.getId());
        }, () -> {
            generation.setGsi1pk(null);
            generation.setGsi1sk(null);
        });
    }

    /** Changes the stored generation in a transaction of its own, retried when another change won the race. */
    private void change(String owner, String generationId, Consumer<Generation> change) {
        generations.update(Generation.key(owner, generationId), generation -> {
            change.accept(generation);
            generation.setUpdatedAt(clock.instant());
        });
    }
}
