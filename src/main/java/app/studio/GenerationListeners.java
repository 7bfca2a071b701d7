package app.studio;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs accepted generations and compensates failed ones. Unlike {@code @ApplicationModuleListener} these run outside
 * a transaction of their own: a run writes its progress as it goes (each write its own transaction), so it shows
 * while the generation runs. The event registry still records each delivery and hands it again if it did not end.
 */
@Component
class GenerationListeners {

    private final StudioManagement management;
    private final ContentSaga saga;
    private final Generations generations;
    private final QuotaReservations reservations;

    GenerationListeners(StudioManagement management, ContentSaga saga, Generations generations,
            QuotaReservations reservations) {
        this.management = management;
        this.saga = saga;
        this.generations = generations;
        this.reservations = reservations;
    }

    @Async
    @TransactionalEventListener
    void on(GenerationRequested request) {
        management.run(request);
    }

    @Async
    @TransactionalEventListener
    void on(GenerationStepCompleted step) {
        saga.stepCompleted(step.owner(), step.generationId(), step.step());
    }

    @Async
    @TransactionalEventListener
    void on(GenerationStepFailed step) {
        saga.stepFailed(step.owner(), step.generationId(), step.step(), step.reason());
    }

    /** Compensation: the failed generation's quota unit goes back to the user ({@code refund-quota}). */
    @Async
    @TransactionalEventListener
    void on(GenerationFailed failure) {
        generations.find(Generation.key(failure.owner(), failure.generationId())).ifPresent(generation -> {
            reservations.giveBack(failure.owner(), generation.getQuotaMonth(), failure.eventId());
            saga.stepCompleted(failure.owner(), failure.generationId(), ContentSaga.REFUND_QUOTA);
        });
    }
}
