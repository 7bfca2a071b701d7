package app.studio;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.platform.push.LiveMessages;

/**
 * Sends each progress signal of a generation to its owner's STOMP sessions on {@code /user/queue/generations} as
 * {@code {generationId, progress, status}}, the status being the generation's ({@code RUNNING}, {@code COMPLETED},
 * {@code FAILED}).
 */
@Component
class ProgressListeners {

    static final String QUEUE = "/queue/generations";

    /** What a subscriber receives. */
    record Progress(String generationId, int progress, String status) {
    }

    private final LiveMessages live;

    ProgressListeners(LiveMessages live) {
        this.live = live;
    }

    /** In process and synchronous: the signal is not stored, and a lost one is followed by the next. */
    @EventListener
    void on(GenerationProgressed event) {
        live.toUser(event.owner(), QUEUE, new Progress(event.generationId(), event.progress(), event.status()));
    }
}
