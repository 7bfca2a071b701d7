package app.platform.eventbridge;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;

import app.platform.events.PublicationProgress;
import app.platform.events.PublicationProgress.Stage;

/**
 * Waits for the listeners of an inbound event, for a process that must not answer before they have completed (see
 * {@link InboundEventSettings#awaitListeners}). The publications are read by id until all have completed: a failure,
 * or the time running out, ends the wait with {@link ListenersIncomplete}.
 *
 * <p>A redelivery first hands the event's publications that nobody runs to their listeners again, through Spring
 * Modulith's resubmission (a compare-and-set claim, which a live lease wins): the failed ones and the
 * unclaimed ones (published and not claimed, or claimed under a lease that expired, its instance having stopped or
 * been frozen), each once per delivery. A publication whose listener runs elsewhere under a lease that holds is
 * waited for, not run a second time.
 */
class ListenerCompletion {

    private static final Logger log = LoggerFactory.getLogger(ListenerCompletion.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(20);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(500);

    private final PublicationProgress progress;
    private final IncompleteEventPublications incomplete;

    ListenerCompletion(PublicationProgress progress, IncompleteEventPublications incomplete) {
        this.progress = progress;
        this.incomplete = incomplete;
    }

    /** The publications the transaction on this thread has created so far. */
    List<UUID> createdInCurrentTransaction() {
        return progress.createdInCurrentTransaction();
    }

    /**
     * Waits until the listeners of the event's first delivery have completed.
     *
     * @throws ListenersIncomplete when one failed, or they did not complete within {@code wait}
     */
    void await(String eventId, List<UUID> publications, Duration wait) {
        waitFor(eventId, publications, wait, false);
    }

    /**
     * For a redelivery: resubmits the publications nobody runs, then waits until all have completed.
     *
     * @throws ListenersIncomplete when a resubmitted listener failed, or they did not complete within {@code wait}
     */
    void resubmitAndAwait(String eventId, List<UUID> publications, Duration wait) {
        waitFor(eventId, publications, wait, true);
    }

    private void waitFor(String eventId, List<UUID> publications, Duration wait, boolean resubmit) {
        long deadline = System.nanoTime() + wait.toNanos();
        Set<UUID> resubmitted = new HashSet<>();
        Duration pause = FIRST_PAUSE;
        while (true) {
            Map<UUID, Stage> stages = progress.of(publications);
            if (stages.values().stream().allMatch(Stage.COMPLETED::equals)) {
                return;
            }
            Set<UUID> idle = resubmit ? idle(stages, resubmitted) : Set.of();
            long failed = stages.entrySet().stream()
                    .filter(stage -> stage.getValue() == Stage.FAILED && !idle.contains(stage.getKey())).count();
            if (failed > 0) {
                throw new ListenersIncomplete("Event " + eventId + ": " + failed + " of " + publications.size()
                        + " listener(s) failed");
            }
            if (!idle.isEmpty()) {
                log.info("Event {} was delivered again: resubmitting {} of its publications that nobody runs", eventId,
                        idle.size());
                incomplete.resubmitIncompletePublications(publication -> idle.contains(publication.getIdentifier()));
                resubmitted.addAll(idle);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new ListenersIncomplete("Event " + eventId + ": its listeners did not complete within " + wait
                        + " " + stages.values());
            }
            sleep(Duration.ofNanos(Math.min(left, pause.toNanos())));
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) < 0 ? pause.multipliedBy(2) : LONGEST_PAUSE;
        }
    }

    /**
     * The publications nobody runs (failed, or unclaimed) that this wait has not resubmitted yet: it resubmits each
     * once, so that a listener that fails again fails the delivery.
     */
    private static Set<UUID> idle(Map<UUID, Stage> stages, Set<UUID> resubmitted) {
        Set<UUID> idle = new HashSet<>();
        stages.forEach((id, stage) -> {
            if ((stage == Stage.UNCLAIMED || stage == Stage.FAILED) && !resubmitted.contains(id)) {
                idle.add(id);
            }
        });
        return idle;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ListenersIncomplete("Interrupted while waiting for the listeners");
        }
    }
}
